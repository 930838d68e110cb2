import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { SalesforceCredentials, SalesforceOptions } from './schemas';
export { VERSION } from './version';
export default adapter;
