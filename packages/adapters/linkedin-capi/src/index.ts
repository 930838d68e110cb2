import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { LinkedinCapiCredentials, LinkedinCapiOptions } from './schemas';
export { LINKEDIN_VERSION, VERSION } from './version';
export default adapter;
