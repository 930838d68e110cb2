/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Graph API version this adapter targets (each is supported at least two years for CAPI). */
export const GRAPH_API_VERSION = 'v25.0';
