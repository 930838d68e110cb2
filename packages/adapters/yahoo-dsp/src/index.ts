import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, ACTION_SOURCES, ENDPOINTS } from './schemas';
export type { YahooDspCredentials, YahooDspOptions } from './schemas';
export { TOKEN_URL, clientAssertion } from './auth';
export { YAHOO_HOSTS } from './build-requests';
export { VERSION, YAHOO_CAPI_VERSION } from './version';
export default adapter;
