import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { SnapchatCapiCredentials, SnapchatCapiOptions } from './schemas';
export { VERSION, SNAP_CAPI_VERSION } from './version';
export default adapter;
