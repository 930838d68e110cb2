import { sourcePackageVersion } from '@relay/core';

declare const __PACKAGE_VERSION__: string | undefined;

/** This package's version: inlined from package.json at build time (tsup), read from it when run from source. */
export const VERSION: string =
  typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : sourcePackageVersion(import.meta.url);

/** The `log/3` generation of Taboola's S2S endpoints (`/{account-id}/log/3/bulk-s2s-action`). */
export const TABOOLA_S2S_VERSION = '3';
