/** GA4 user-provided data, shared with @relay/adapter-ga4 (see `ga4UserData` in @relay/core). */
export { type Ga4UserData, ga4UserData } from '@relay/core';
