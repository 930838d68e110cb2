import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, ACTION_SOURCES } from './schemas';
export type { PinterestCapiCredentials, PinterestCapiOptions } from './schemas';
export { VERSION, PINTEREST_API_VERSION } from './version';
export default adapter;
