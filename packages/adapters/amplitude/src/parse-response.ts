import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  outcomeFromStatus,
  outcomeOfRow,
  parseRetryAfter,
} from '@relay/core';
import { type AmplitudeErrorBody, amplitudeBodyOf, amplitudeErrors } from './error-map';

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
 * are rejected with their fields, every other event is `collateral`, which core (`batch.atomic`)
 * sends again at once without the bad ones, spending no attempt ("When a 400 response lists
 * rejected events, remove those events and resend the rest", amplitude.com/docs/apis/analytics/http-api-batching-retries;
 * `insert_id` keeps the resend from double counting). Other answers are one
 * outcome for the whole request: the error table (a Retry-After header wins over its 30 s
 * pause), else core's status table.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome | Outcome[] {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  const body = amplitudeBodyOf(response.json);
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
              // The request index Amplitude named keeps the reasons of a batch whose events are all
              // refused alike distinct: identical outcomes would read as one whole-request refusal,
              // which core (`batch.atomic`) halves down to single events.
              reason: `${PLATFORM} refused the event (index ${i} of the request): ${why.join(', ')}`,
            }
          : {
              status: 'retryable',
              reason: `${PLATFORM} refused the batch because of other events; resending this one`,
              collateral: true,
            };
      });
    }
  }
  const hit = matchErrorRow(amplitudeErrors, response);
  if (!hit) return outcomeFromStatus(response, PLATFORM, now, body.error);
  const outcome = outcomeOfRow(hit.row, hit.error, PLATFORM);
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
  return outcome.status === 'retryable' && retryAfterMs !== undefined
    ? { ...outcome, retryAfterMs }
    : outcome;
}
