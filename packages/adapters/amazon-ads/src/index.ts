import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, EVENT_SOURCES, REGIONS } from './schemas';
export type { AmazonAdsCredentials, AmazonAdsOptions, AmazonRegion } from './schemas';
export { CONVERSION_TYPES, DEFAULT_EVENT_NAMES } from './event-map';
export type { ConversionType } from './event-map';
export { VERSION, AMAZON_ADS_API_VERSION } from './version';
export default adapter;
