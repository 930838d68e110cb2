/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** RudderStack HTTP API version (`/v1/batch`). */
export const RUDDERSTACK_API_VERSION = 'v1';
