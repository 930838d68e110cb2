/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** `Intercom-Version` header sent by default (the newest numbered REST API version). */
export const INTERCOM_API_VERSION = '2.16';
