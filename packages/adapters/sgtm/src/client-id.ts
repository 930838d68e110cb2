/** The GA4 client id rule shared with @relay/adapter-ga4 (see `ga4ClientId` in @relay/core). */
export { ga4ClientId as clientIdOf } from '@relay/core';
