import { sourcePackageVersion } from '@relay/core';

declare const __PACKAGE_VERSION__: string | undefined;

/** This package's version: inlined from package.json at build time (tsup), read from it when run from source. */
export const VERSION: string =
  typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : sourcePackageVersion(import.meta.url);

/** UET Conversions API version (`/v1/{tagId}/events`). */
export const UET_CAPI_VERSION = 'v1';

/** Bing Ads API / Campaign Management service version used for `ApplyOfflineConversions`. */
export const CAMPAIGN_MANAGEMENT_VERSION = 'v13';
