import { sourcePackageVersion } from '@relay/core';

declare const __PACKAGE_VERSION__: string | undefined;

/** This package's version: inlined from package.json at build time (tsup), read from it when run from source. */
export const VERSION: string =
  typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : sourcePackageVersion(import.meta.url);

/** `version` query parameter of the Events API endpoint (`/m/event?version=s2s_v0`). */
export const CRITEO_S2S_VERSION = 's2s_v0';
