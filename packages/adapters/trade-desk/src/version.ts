/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** The Trade Desk's real-time conversion endpoint (`POST /track/realtimeconversion`) is unversioned. */
export const TTD_ENDPOINT = 'realtimeconversion';
