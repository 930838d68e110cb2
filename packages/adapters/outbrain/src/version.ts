/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Outbrain's S2S conversion endpoint is the unversioned `GET /unifiedPixel`. */
export const OUTBRAIN_ENDPOINT = 'unifiedPixel';
