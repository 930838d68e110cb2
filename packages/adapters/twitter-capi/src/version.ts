/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** X Ads API version in the conversions path. */
export const X_ADS_API_VERSION = '12';
