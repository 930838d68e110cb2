import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForRudderstackError } from './error-map';

/**
 * The gateway takes or refuses the batch as a whole: `200 OK` (text/plain) delivers every event;
 * errors are one plain-text message for the request.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const detail = excerpt(response.body, 300) || `HTTP ${response.status}`;
  const special = outcomeForRudderstackError(response.status, detail, events.length);
  return sameOutcome(special ?? outcomeFromStatus(response, 'RudderStack', now, detail), events.length);
}
