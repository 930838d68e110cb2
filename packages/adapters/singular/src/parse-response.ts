import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForSingularError } from './error-map';

/**
 * One outcome per event of the request, in order (one event per request): a 200 `{"status":"ok"}`
 * is delivered, `{"status":"error","reason":…}` rejected; other statuses follow the error table.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = objectOf(response.json);
  const outcome =
    outcomeForSingularError(response, body, now) ?? outcomeFromStatus(response, 'Singular', now);
  return sameOutcome(outcome, events.length);
}
