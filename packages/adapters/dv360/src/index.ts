import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { Dv360Credentials, Dv360Options } from './schemas';
export { VERSION, CM360_API_VERSION } from './version';
export default adapter;
