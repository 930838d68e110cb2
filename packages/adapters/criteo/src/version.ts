/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** `version` query parameter of the Events API endpoint (`/m/event?version=s2s_v0`). */
export const CRITEO_S2S_VERSION = 's2s_v0';
