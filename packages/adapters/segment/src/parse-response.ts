import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForSegmentError } from './error-map';

/** The batch succeeds or fails as a whole (`200 {"success": true}`). */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const special = outcomeForSegmentError(
    response.status,
    excerpt(response.body, 300) || `HTTP ${response.status}`,
  );
  return sameOutcome(special ?? outcomeFromStatus(response, 'Segment', now), events.length);
}
