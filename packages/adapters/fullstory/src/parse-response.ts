import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  objectOf,
  outcomeFromStatus,
  outcomeOfRow,
  sameOutcome,
} from '@relay/core';
import { fullstoryErrors, fullstoryMessage } from './error-map';

/**
 * One event per request: 2xx delivered; then the error table (409: an idempotent repeat,
 * delivered); then core's table for the status, with FullStory's message.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const hit = matchErrorRow(fullstoryErrors, response);
  if (hit) return sameOutcome(outcomeOfRow(hit.row, hit.error, 'FullStory'), events.length);
  const message = fullstoryMessage(objectOf(response.json));
  return sameOutcome(outcomeFromStatus(response, 'FullStory', now, message), events.length);
}
