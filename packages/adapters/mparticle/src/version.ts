/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** mParticle Events API version (`/v2/bulkevents`). */
export const MPARTICLE_EVENTS_API_VERSION = 'v2';
