import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, AMPLITUDE_HOSTS } from './schemas';
export type { AmplitudeCredentials, AmplitudeOptions } from './schemas';
export { VERSION, AMPLITUDE_API_VERSION } from './version';
export default adapter;
