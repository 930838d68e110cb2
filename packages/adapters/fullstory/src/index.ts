import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { FullstoryCredentials, FullstoryOptions } from './schemas';
export { FULLSTORY_API_VERSION, VERSION } from './version';
export default adapter;
