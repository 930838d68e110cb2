import { type HttpResponse, type MappedEvent, type Outcome, sameOutcome, withRetryAfter } from '@relay/core';
import { FIXED_NOW, sampleEvent } from './fixtures';

/** An `HttpResponse` with a JSON body, for `parseResponse` tests (header names lower-case). */
export function jsonResponse(
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return { status, headers, body: JSON.stringify(json), json };
}

/** `count` mapped `purchase_completed` sample events under the platform name `name`. */
export function mappedEvents(count: number, name = 'purchase', custom = false): MappedEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    event: sampleEvent('purchase_completed', i + 1),
    name,
    custom,
  }));
}

/**
 * What `parseResponse` answered, one outcome per event, as `deliver()` turns it: a single
 * outcome (about the whole request) goes to every event, and with the `response` a retryable
 * outcome gets its Retry-After. For parse tests written per event.
 */
export function outcomesPerEvent(
  answer: Outcome | Outcome[],
  count: number,
  response?: HttpResponse,
  now: Date = FIXED_NOW,
): Outcome[] {
  const outcomes = Array.isArray(answer) ? answer : sameOutcome(answer, count);
  return response ? outcomes.map((o) => withRetryAfter(o, response, now)) : outcomes;
}
