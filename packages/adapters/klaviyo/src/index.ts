import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { KlaviyoCredentials, KlaviyoOptions } from './schemas';
export { VERSION, KLAVIYO_REVISION } from './version';
export default adapter;
