import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { AdobeAnalyticsCredentials, AdobeAnalyticsOptions } from './schemas';
export { XDM_EVENT_TYPES } from './event-map';
export { VERSION, EDGE_API_VERSION } from './version';
export default adapter;
