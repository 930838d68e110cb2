/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Spotify's direct Conversions API (`/capi-direct/events/`) has no version segment; this names it. */
export const SPOTIFY_CAPI = 'capi-direct';
