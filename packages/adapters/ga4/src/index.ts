import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { Ga4Credentials, Ga4Options } from './schemas';
export { VERSION } from './version';
export default adapter;
