import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type FullstoryError, outcomeForFullstoryError } from './error-map';

/** One event per request: 2xx delivered; 409 idempotent repeat delivered; else the default table with FullStory's message. */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as FullstoryError;
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const special = outcomeForFullstoryError(response.status, body);
  if (special) return sameOutcome(special, events.length);
  const reason = body.message
    ? `${body.message}${body.code !== undefined ? ` (${body.code})` : ''}`
    : undefined;
  return sameOutcome(outcomeFromStatus(response, 'FullStory', now, reason), events.length);
}
