import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { BrazeCredentials, BrazeOptions } from './schemas';
export { BRAZE_ECOMMERCE_EVENTS } from './event-map';
export { VERSION, BRAZE_API_VERSION } from './version';
export default adapter;
