import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { AdrollCredentials, AdrollOptions } from './schemas';
export { ADROLL_EVENT_NAMES } from './event-map';
export { ADROLL_API, VERSION } from './version';
export default adapter;
