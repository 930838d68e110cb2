import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { QuoraPixelCredentials, QuoraPixelOptions } from './schemas';
export { VERSION, QUORA_API_VERSION } from './version';
export default adapter;
