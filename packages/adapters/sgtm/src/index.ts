import { adapter } from './adapter';

export { adapter };
export { clientIdOf } from './client-id';
export { ga4Name } from './event-map';
export { credentialsSchema, optionsSchema } from './schemas';
export type { SgtmCredentials, SgtmOptions } from './schemas';
export { VERSION } from './version';
export default adapter;
