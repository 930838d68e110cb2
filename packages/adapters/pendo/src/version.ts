/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Pendo's Track Events endpoint (`POST /data/track`) has no version segment; this names it. */
export const PENDO_API = 'track';
