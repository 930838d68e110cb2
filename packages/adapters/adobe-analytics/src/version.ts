/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Edge Network Server API version (`/ee/v2/collect`, `/ee/v2/interact`). */
export const EDGE_API_VERSION = 'v2';
