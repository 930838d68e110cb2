/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Snap Conversions API version (v2 `/v2/conversion` is deprecated). */
export const SNAP_CAPI_VERSION = 'v3';
