import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromErrorTable,
  sameOutcome,
} from '@relay/core';
import {
  INVALID_EVENTS_MESSAGE,
  type RedditError,
  describeRedditError,
  redditErrorOf,
  redditErrors,
} from './error-map';

const PLATFORM = 'Reddit Conversions API';

/** `$.data.events[3].user.UUID` → 3: the field errors of each event of the request. */
function fieldErrorsByEvent(error: RedditError, count: number): Map<number, string[]> {
  const byEvent = new Map<number, string[]>();
  for (const field of error.fields ?? []) {
    const match = /^\$?\.?data\.events\[(\d+)\]/.exec(field.field ?? '');
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= count) continue;
    byEvent.set(index, [...(byEvent.get(index) ?? []), field.message ?? field.field ?? 'invalid']);
  }
  return byEvent;
}

/** "Successfully processed N conversion events." → N. */
function processedCount(body: Record<string, unknown>): number | undefined {
  const message = objectOf(body['data'])['message'];
  const match = typeof message === 'string' ? /processed (\d+) conversion events/i.exec(message) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * One outcome per event of the request, in order. 2xx: every event delivered (a warning when
 * Reddit says it processed fewer). 400 "There were N invalid conversion events. None were
 * processed.": the events its `fields` point at (`$.data.events[i]…`) are rejected with their
 * messages and the others are retryable (nothing was processed; resent without the bad ones);
 * without such fields, one outcome rejects the whole request (core isolates the bad events).
 * Other answers: one outcome from the error table (error-map.ts), else core's default for the status.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[]): Outcome | Outcome[] {
  if (response.status >= 200 && response.status < 300) {
    const processed = processedCount(objectOf(response.json));
    return sameOutcome(
      processed !== undefined && processed < events.length
        ? {
            status: 'delivered',
            warnings: [`${PLATFORM} processed ${processed} of ${events.length} events without saying which`],
          }
        : { status: 'delivered' },
      events.length,
    );
  }

  const error = redditErrorOf(response);
  if (response.status === 400 && INVALID_EVENTS_MESSAGE.test(describeRedditError(error))) {
    const invalid = fieldErrorsByEvent(error, events.length);
    if (invalid.size > 0) {
      return events.map((_, i): Outcome => {
        const messages = invalid.get(i);
        return messages
          ? {
              status: 'rejected',
              code: 'invalid_event',
              reason: `${PLATFORM} refused the event: ${messages.join('; ')}`,
            }
          : {
              status: 'retryable',
              reason: `${PLATFORM} processed none of the batch because of other invalid events; resending this one`,
              collateral: true,
            };
      });
    }
  }
  return outcomeFromErrorTable(redditErrors, response, PLATFORM);
}
