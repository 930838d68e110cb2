import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { TwitterCapiCredentials, TwitterCapiOptions } from './schemas';
export { VERSION, X_ADS_API_VERSION } from './version';
export default adapter;
