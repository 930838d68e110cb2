import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { IntercomCredentials, IntercomOptions } from './schemas';
export { INTERCOM_API_VERSION, VERSION } from './version';
export default adapter;
