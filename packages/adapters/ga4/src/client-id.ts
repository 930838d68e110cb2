import type { RelayEvent } from '@relay/core';

const text = (v: unknown) =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** The GA4 `client_id` rule, shared with @relay/adapter-sgtm. */
export { ga4ClientId as clientIdFor } from '@relay/core';

/** GA4 `session_id`: the GA session id when the OMS sends it (`ga_session_id`), else the OMS session id. */
export function sessionIdFor(event: RelayEvent): string | undefined {
  return text(event.properties['ga_session_id']) ?? event.sessionId;
}
