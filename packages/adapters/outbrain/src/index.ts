import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { OutbrainCredentials, OutbrainOptions } from './schemas';
export { VERSION, OUTBRAIN_ENDPOINT } from './version';
export default adapter;
