import { type RelayEvent, sha256Hex } from '@relay/core';

const text = (v: unknown) =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/**
 * The GA4 `client_id`: the browser's GA client id when the OMS sends one (`ga_client_id` or
 * `client_id` property), else one derived deterministically from the session id (so events of
 * one session share a client) or, without a session, from the dedup key. A derived id has the
 * `<digits>.<digits>` shape of the `_ga` cookie but matches no browser, so GA4 counts a new
 * client for it.
 */
export function clientIdFor(event: RelayEvent): string {
  const given = text(event.properties['ga_client_id']) ?? text(event.properties['client_id']);
  if (given) return given;
  const seed = event.sessionId ? `session:${event.storefront}:${event.sessionId}` : `event:${event.dedupKey}`;
  const hash = sha256Hex(seed);
  return `${Number.parseInt(hash.slice(0, 8), 16)}.${Number.parseInt(hash.slice(8, 16), 16)}`;
}

/** GA4 `session_id`: the GA session id when the OMS sends it (`ga_session_id`), else the OMS session id. */
export function sessionIdFor(event: RelayEvent): string | undefined {
  return text(event.properties['ga_session_id']) ?? event.sessionId;
}
