import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { droppedRevenueReason } from './action';
import { outcomeForTaboolaError } from './error-map';

const PLATFORM = 'Taboola S2S Conversions';

/**
 * One outcome per event of the request, in order. Taboola does not validate bulk conversions
 * and answers 2xx with no per-conversion result, so a 2xx delivers every event (keeping a warning
 * when its revenue was left out). Other answers apply to the whole request: the error table, then
 * core's default for the status.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300) {
    return events.map(({ event }): Outcome => {
      const warning = droppedRevenueReason(event);
      return warning === undefined ? { status: 'delivered' } : { status: 'delivered', warnings: [warning] };
    });
  }
  const detail = excerpt(response.body, 300) || `HTTP ${response.status}`;
  const special = outcomeForTaboolaError(response.status, detail);
  return sameOutcome(special ?? outcomeFromStatus(response, PLATFORM, now), events.length);
}
