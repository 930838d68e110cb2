import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, SITE_TYPES } from './schemas';
export type { CriteoCredentials, CriteoOptions } from './schemas';
export { CRITEO_EVENT_NAMES } from './event-map';
export { VERSION, CRITEO_S2S_VERSION } from './version';
export default adapter;
