import type { Outcome } from '@relay/core';

const PLATFORM = 'RudderStack';

/**
 * rudder-server's gateway answers in plain text (`OK`, `Invalid Write Key`, `Source is
 * disabled`…). Overrides of core's default table: a write key cannot be refreshed, so 401 needs a
 * person, and so does 404 (the source is disabled, or the URL is not a data plane); 400 (invalid
 * JSON, empty batch, a message without userId/anonymousId) and 413 refuse the whole batch.
 * `undefined` leaves the status to core (429 and 5xx retry, other 4xx reject).
 */
export function outcomeForRudderstackError(
  status: number,
  detail: string,
  eventCount: number,
): Outcome | undefined {
  const scope = eventCount > 1 ? ` (all ${eventCount} events of the batch)` : '';
  switch (status) {
    case 400:
      return {
        status: 'rejected',
        code: 'bad_request',
        reason: `${PLATFORM} refused the batch${scope}: ${detail}`,
      };
    case 401:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the write key (401): ${detail}`,
      };
    case 404:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} answered 404 (source disabled, or the data plane URL is wrong): ${detail}`,
      };
    case 413:
      return {
        status: 'rejected',
        code: 'payload_too_large',
        reason: `${PLATFORM} refused the batch as over its size limit${scope}: ${detail}`,
      };
  }
  return undefined;
}
