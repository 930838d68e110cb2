/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Klaviyo API revision sent in the `revision` header (klaviyo/openapi stable.json, 2026-07-15). */
export const KLAVIYO_REVISION = '2026-07-15';
