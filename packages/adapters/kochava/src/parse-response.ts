import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { kochavaMessage, outcomeForKochavaError } from './error-map';

/**
 * One outcome per event of the request, in order (one event per request): the error table (a 2xx
 * with `success: "0"` is a failure), then core's table for the status, with Kochava's message.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = objectOf(response.json);
  const outcome =
    outcomeForKochavaError(response.status, body) ??
    outcomeFromStatus(response, 'Kochava', now, kochavaMessage(body));
  return sameOutcome(outcome, events.length);
}
