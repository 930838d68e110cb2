/** sGTM's GA4 client takes GA4 names: the shared Measurement Protocol mapping from @relay/core. */
export { ga4EventMapping as eventMapping, ga4Name, isGa4ParamName } from '@relay/core';
