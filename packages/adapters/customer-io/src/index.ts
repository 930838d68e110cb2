import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { CustomerIoCredentials, CustomerIoOptions } from './schemas';
export { TRACK_API_VERSION, VERSION } from './version';
export default adapter;
