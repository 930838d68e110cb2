/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Mixpanel ingestion API this adapter targets: `POST /import` (strict mode). */
export const MIXPANEL_API_VERSION = 'import (strict=1)';
