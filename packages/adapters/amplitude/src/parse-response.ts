import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  parseRetryAfter,
  sameOutcome,
} from '@relay/core';
import { type AmplitudeErrorBody, outcomeForAmplitudeError } from './error-map';

const PLATFORM = 'Amplitude';

/** Index → why, from `events_with_invalid_fields`, `events_with_missing_fields` and `silenced_events`. */
function refusedEvents(body: AmplitudeErrorBody): Map<number, string[]> {
  const refused = new Map<number, string[]>();
  const add = (index: number, why: string) => refused.set(index, [...(refused.get(index) ?? []), why]);
  for (const [field, indexes] of Object.entries(body.events_with_invalid_fields ?? {}))
    for (const i of indexes) add(i, `invalid ${field}`);
  for (const [field, indexes] of Object.entries(body.events_with_missing_fields ?? {}))
    for (const i of indexes) add(i, `missing ${field}`);
  for (const i of body.silenced_events ?? []) add(i, 'silenced (device id blocked)');
  return refused;
}

/**
 * 200 delivers all. A 400 that names events by index refuses the whole request: the named events
 * are rejected with their fields, every other event is retryable ("remove those events and
 * resend the rest"; `insert_id` keeps the resend from double counting). Other answers apply to
 * the whole request.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as AmplitudeErrorBody;
  if (response.status === 400) {
    const refused = refusedEvents(body);
    if (
      refused.size > 0 &&
      [...refused.keys()].every((i) => Number.isInteger(i) && i >= 0 && i < events.length)
    ) {
      return events.map((_, i): Outcome => {
        const why = refused.get(i);
        return why
          ? {
              status: 'rejected',
              code: 'invalid_event',
              reason: `${PLATFORM} refused the event: ${why.join(', ')}`,
            }
          : {
              status: 'retryable',
              reason: `${PLATFORM} refused the batch because of other events; resending this one`,
            };
      });
    }
  }
  const special = outcomeForAmplitudeError(response.status, body);
  if (special) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    if (special.status === 'retryable' && retryAfterMs !== undefined) special.retryAfterMs = retryAfterMs;
    return sameOutcome(special, events.length);
  }
  return sameOutcome(outcomeFromStatus(response, PLATFORM, now, body.error), events.length);
}
