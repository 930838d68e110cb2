/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Quora Ads API version of the Conversion API endpoints (`/ads/v0/conversions`). */
export const QUORA_API_VERSION = 'v0';
