/** The GA4 `client_id` rule, shared with @relay/adapter-sgtm. */
export { ga4ClientId as clientIdFor } from '@relay/core';

/**
 * GA4 `session_id`: GA's own session id from the record's `ga_session_id`, never the OMS
 * `session_id` (core's `ga4SessionId`).
 */
export { ga4SessionId as sessionIdFor } from '@relay/core';
