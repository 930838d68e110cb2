/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** Amazon Ads API version of the Events operation (`POST /adsApi/v1/create/events`). */
export const AMAZON_ADS_API_VERSION = 'v1';

/** Path of the Events API's create operation (operationId `CreateEvent`). */
export const EVENTS_PATH = `/adsApi/${AMAZON_ADS_API_VERSION}/create/events`;
