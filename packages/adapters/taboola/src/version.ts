/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** The `log/3` generation of Taboola's S2S endpoints (`/{account-id}/log/3/bulk-s2s-action`). */
export const TABOOLA_S2S_VERSION = '3';
