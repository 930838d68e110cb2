import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type BrazeBody, outcomeForBrazeError, retryAfterOf } from './error-map';

const PLATFORM = 'Braze';

/**
 * `201 {message: "success", events_processed}` delivers the request. Non-fatal errors come in the
 * same 2xx as `errors[{type, input_array: "events", index}]`: the events at those indexes were
 * not processed (rejected with the type), the others were. Other answers apply to the request.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
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
  const special = outcomeForBrazeError(response.status, body);
  if (special) {
    const retryAfterMs = retryAfterOf(response.headers, now);
    if (special.status === 'retryable' && retryAfterMs !== undefined) special.retryAfterMs = retryAfterMs;
    return sameOutcome(special, events.length);
  }
  return sameOutcome(outcomeFromStatus(response, PLATFORM, now, body.message), events.length);
}
