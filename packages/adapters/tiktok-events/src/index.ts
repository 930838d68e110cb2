import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { TiktokEventsCredentials, TiktokEventsOptions } from './schemas';
export { VERSION, TIKTOK_API_VERSION } from './version';
export default adapter;
