/** OMS canonical kinds → GA4 recommended events; the shared Measurement Protocol rules of @relay/core. */
export { ga4EventMapping as eventMapping, ga4Name as ga4EventName } from '@relay/core';
