import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, PENDO_REGIONS } from './schemas';
export type { PendoCredentials, PendoOptions } from './schemas';
export { PENDO_HOSTS, PROPERTIES_MAX_BYTES } from './build-requests';
export { PENDO_API, VERSION } from './version';
export default adapter;
