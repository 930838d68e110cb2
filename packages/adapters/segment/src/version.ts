/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Segment HTTP Tracking API version this adapter targets (`/v1/batch`). */
export const SEGMENT_API_VERSION = 'v1';
