import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForOutbrainError } from './error-map';

const PLATFORM = 'Outbrain S2S';

/**
 * One outcome per event of the request (always one). Outbrain's S2S call answers with an empty or
 * pixel body and no per-conversion result: any 2xx is delivered. Other answers: the error table,
 * then core's default for the status.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const detail = excerpt(response.body, 300) || `HTTP ${response.status}`;
  const special = outcomeForOutbrainError(response.status, detail);
  return sameOutcome(special ?? outcomeFromStatus(response, PLATFORM, now), events.length);
}
