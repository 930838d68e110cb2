/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** The Data Ingestion API's media type version (`application/vnd.treasuredata.v1+json`). */
export const TD_INGEST_API_VERSION = 'v1';
