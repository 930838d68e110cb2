/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Braze REST endpoint this adapter targets (Braze does not version its REST paths). */
export const BRAZE_API_VERSION = 'users/track';
