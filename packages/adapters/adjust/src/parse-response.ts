import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { adjustMessage, outcomeForAdjustError } from './error-map';

/**
 * One outcome per event of the request, in order (one event per request): a 2xx (`OK`) is
 * delivered; otherwise Adjust's documented error table, then core's table for the status, with
 * Adjust's message.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const message = adjustMessage(objectOf(response.json));
  const outcome =
    outcomeForAdjustError(response.status, message, events[0]) ??
    outcomeFromStatus(response, 'Adjust', now, message);
  return sameOutcome(outcome, events.length);
}
