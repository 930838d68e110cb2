import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { describeCriteoMessage, outcomeForCriteoBody } from './error-map';

const PLATFORM = 'Criteo Events API';

/**
 * One outcome per event of the request (one event per request). 2xx: the body's `errors`
 * reject it, its `warnings` ride on the delivery. Other statuses: core's table (5xx/408/429
 * retry with Retry-After, 401/403 auth, other 4xx rejected) with the body's first error as reason.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = objectOf(response.json);
  if (response.status >= 200 && response.status < 300) {
    return sameOutcome(outcomeForCriteoBody(body) ?? { status: 'delivered' }, events.length);
  }
  const first = Array.isArray(body['errors']) ? describeCriteoMessage(body['errors'][0]) : undefined;
  return sameOutcome(outcomeFromStatus(response, PLATFORM, now, first), events.length);
}
