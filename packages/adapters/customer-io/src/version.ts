/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Customer.io Track API version in the path. */
export const TRACK_API_VERSION = 'v2';
