import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type EdgeError, describeEdgeError, outcomeForEdgeError } from './error-map';

/**
 * `/v2/collect` answers 202 `{requestId}` (or 204) when every event was received; `/v2/interact`
 * answers 200 `{requestId, handle}`. Neither reports per-event results, so a 2xx delivers the
 * request's events and errors apply to all of them.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const error = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as EdgeError;
  const special = outcomeForEdgeError(response.status, error);
  if (special) return sameOutcome(special, events.length);
  const reason = error.title || error.detail ? describeEdgeError(error) : undefined;
  return sameOutcome(outcomeFromStatus(response, 'Adobe Edge Network', now, reason), events.length);
}
