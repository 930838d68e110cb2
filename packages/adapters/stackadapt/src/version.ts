/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** StackAdapt's conversion pixel has no version: the adapter targets `GET /conv`. */
export const STACKADAPT_API_VERSION = 'conv-pixel';
