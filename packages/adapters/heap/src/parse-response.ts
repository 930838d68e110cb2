import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForHeapError } from './error-map';

/** Heap accepts or refuses the bulk request as a whole. */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const special = outcomeForHeapError(response.status, response.json);
  return sameOutcome(special ?? outcomeFromStatus(response, 'Heap', now), events.length);
}
