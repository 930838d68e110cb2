import { type RelayEvent, sha256Hex } from '@relay/core';

/** A GA client id as gtag writes it in the `_ga` cookie: `<random>.<seconds>`. */
const GA_CLIENT_ID = /^\d{1,20}\.\d{1,20}$/;

/** Record keys the OMS may use to pass the browser's real GA client id. */
const CLIENT_ID_KEYS = ['ga_client_id', 'client_id'] as const;

/**
 * The GA4 `client_id` of an event, deterministic so a replay sends the same one:
 * 1. the browser's own client id when the record carries it (`ga_client_id` or `client_id`,
 *    in the `_ga` cookie's `123.456` form), which ties the event to the web session;
 * 2. else derived from the storefront and `session_id`, so every event of one session
 *    shares one client id (and can share one request);
 * 3. else derived from the event's dedup key.
 * A derived id has gtag's shape: two unsigned 32-bit numbers read from a SHA-256 digest.
 */
export function clientIdOf(event: RelayEvent): string {
  for (const key of CLIENT_ID_KEYS) {
    const value = event.properties[key];
    if (typeof value === 'string' && GA_CLIENT_ID.test(value.trim())) return value.trim();
  }
  const seed =
    event.sessionId !== undefined
      ? `session:${event.storefront}:${event.sessionId}`
      : `event:${event.dedupKey}`;
  const digest = sha256Hex(seed);
  const first = Number.parseInt(digest.slice(0, 8), 16);
  const second = Number.parseInt(digest.slice(8, 16), 16);
  return `${first}.${second}`;
}
