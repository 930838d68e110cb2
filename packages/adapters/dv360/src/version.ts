/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Campaign Manager 360 API version (`dfareporting/v5`). */
export const CM360_API_VERSION = 'v5';
