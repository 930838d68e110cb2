import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, MICROSOFT_APIS } from './schemas';
export type { MicrosoftAdsCredentials, MicrosoftAdsOptions, MicrosoftApi } from './schemas';
export { VERSION, UET_CAPI_VERSION, CAMPAIGN_MANAGEMENT_VERSION } from './version';
export default adapter;
