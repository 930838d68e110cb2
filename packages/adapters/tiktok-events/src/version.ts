/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Business API version of the Events API 2.0 `event/track` endpoint. */
export const TIKTOK_API_VERSION = 'v1.3';
