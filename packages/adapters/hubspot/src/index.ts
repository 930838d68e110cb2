import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { HubspotCredentials, HubspotOptions } from './schemas';
export { VERSION } from './version';
export default adapter;
