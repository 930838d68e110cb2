import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForCustomerIoStatus } from './error-map';

/** Customer.io accepts or refuses the batch as a whole. */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const detail = excerpt(response.body, 300) || `HTTP ${response.status}`;
  const special = outcomeForCustomerIoStatus(response.status, detail);
  return sameOutcome(special ?? outcomeFromStatus(response, 'Customer.io', now), events.length);
}
