import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { errorDetailOf, outcomeForTreasureDataStatus } from './error-map';

/**
 * The Data Ingestion API takes or refuses a batch as a whole: a 2xx delivers every record of
 * the request (the body lists the UUIDs the API gave the records, which Relay does not need);
 * any other answer is the outcome of every record.
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  now: Date,
  target: string,
): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const detail = errorDetailOf(response.json, response.body);
  const special = outcomeForTreasureDataStatus(response.status, detail, target);
  return sameOutcome(special ?? outcomeFromStatus(response, 'Treasure Data', now, detail), events.length);
}
