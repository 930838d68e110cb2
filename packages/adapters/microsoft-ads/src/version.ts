/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** UET Conversions API version (`/v1/{tagId}/events`). */
export const UET_CAPI_VERSION = 'v1';

/** Bing Ads API / Campaign Management service version used for `ApplyOfflineConversions`. */
export const CAMPAIGN_MANAGEMENT_VERSION = 'v13';
