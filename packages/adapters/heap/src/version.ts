/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Heap's server-side Track API has no version segment; this names the endpoint family. */
export const HEAP_API = 'track';
