import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { RudderstackCredentials, RudderstackOptions } from './schemas';
export { VERSION } from './version';
export default adapter;
