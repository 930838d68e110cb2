/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Yahoo Conversion API path version (`/v1/events/{pixelId}`). */
export const YAHOO_CAPI_VERSION = 'v1';
