/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** FullStory Server API version in the path. */
export const FULLSTORY_API_VERSION = 'v2';
