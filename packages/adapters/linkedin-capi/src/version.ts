/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** `LinkedIn-Version` header (YYYYMM). LinkedIn sunsets each version about a year after release. */
export const LINKEDIN_VERSION = '202609';
