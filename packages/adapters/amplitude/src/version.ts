/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Amplitude ingestion API this adapter targets: HTTP V2 (`POST /2/httpapi`). */
export const AMPLITUDE_API_VERSION = 'HTTP V2';
