/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** AdRoll's Server-to-Server Event API (`POST /api`) has no version segment; this names it. */
export const ADROLL_API = 's2s';
