/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Iterable's REST API has no version segment (`/api/...`). */
export const ITERABLE_API = 'api';
