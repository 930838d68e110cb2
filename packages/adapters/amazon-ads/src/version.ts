import { sourcePackageVersion } from '@relay/core';

declare const __PACKAGE_VERSION__: string | undefined;

/** This package's version: inlined from package.json at build time (tsup), read from it when run from source. */
export const VERSION: string =
  typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : sourcePackageVersion(import.meta.url);

/** Amazon Ads API version of the Events operation (`POST /adsApi/v1/create/events`). */
export const AMAZON_ADS_API_VERSION = 'v1';

/** Path of the Events API's create operation (operationId `CreateEvent`). */
export const EVENTS_PATH = `/adsApi/${AMAZON_ADS_API_VERSION}/create/events`;
