/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Journey Builder (`/interaction/v1`) and data extension rows (`/hub/v1`) are both v1 REST APIs. */
export const SFMC_API_VERSION = 'v1';
