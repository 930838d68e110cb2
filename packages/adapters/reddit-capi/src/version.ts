/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Reddit Ads API version of the Conversions API endpoint (`/api/v3/pixels/{pixel_id}/conversion_events`). */
export const REDDIT_API_VERSION = 'v3';
