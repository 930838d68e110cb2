import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { type BrazeBody, brazeErrors, retryAfterOf } from './error-map';

const PLATFORM = 'Braze';

/**
 * `201 {message: "success", events_processed}` delivers the request. Non-fatal errors come in the
 * same 2xx as `errors[{type, input_array: "events", index}]`: the events at those indexes were
 * not processed (rejected with the type), the others were. Other answers are one outcome for the
 * request: the error table, else core's status table; a 429 waits for Retry-After, else until
 * Braze's X-RateLimit-Reset.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome | Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as BrazeBody;
  if (response.status >= 200 && response.status < 300) {
    const failed = new Map<number, string[]>();
    for (const error of Array.isArray(body.errors) ? body.errors : []) {
      if (
        error.input_array === 'events' &&
        typeof error.index === 'number' &&
        error.index >= 0 &&
        error.index < events.length
      )
        failed.set(error.index, [...(failed.get(error.index) ?? []), error.type ?? 'invalid event']);
    }
    return events.map((_, i): Outcome => {
      const why = failed.get(i);
      return why
        ? {
            status: 'rejected',
            code: 'invalid_event',
            reason: `${PLATFORM} did not process the event: ${why.join('; ')}`,
          }
        : { status: 'delivered' };
    });
  }
  const hit = matchErrorRow(brazeErrors, response);
  if (!hit) return outcomeFromStatus(response, PLATFORM, now, body.message);
  const outcome = outcomeOfRow(hit.row, hit.error, PLATFORM);
  const retryAfterMs = retryAfterOf(response.headers, now);
  return outcome.status === 'retryable' && retryAfterMs !== undefined
    ? { ...outcome, retryAfterMs }
    : outcome;
}
