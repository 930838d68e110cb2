/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Pinterest REST API version this adapter targets (spec pinterest/api-description v5, 5.23.0). */
export const PINTEREST_API_VERSION = 'v5';
