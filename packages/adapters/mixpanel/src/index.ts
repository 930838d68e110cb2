import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, MIXPANEL_HOSTS } from './schemas';
export type { MixpanelCredentials, MixpanelOptions } from './schemas';
export { insertIdOf } from './insert-id';
export { VERSION, MIXPANEL_API_VERSION } from './version';
export default adapter;
