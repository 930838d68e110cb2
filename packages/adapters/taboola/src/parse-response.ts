import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { droppedRevenueReason } from './action';
import { taboolaErrors } from './error-map';

const PLATFORM = 'Taboola S2S Conversions';

/**
 * One outcome per event of the request, in order. Taboola does not validate bulk conversions
 * and answers 2xx with no per-conversion result, so a 2xx delivers every event (keeping a warning
 * when its revenue was left out). Other answers get one outcome for the request: the error table
 * (error-map.ts), then core's default for the status.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome | Outcome[] {
  if (response.status >= 200 && response.status < 300) {
    return events.map(({ event }): Outcome => {
      const warning = droppedRevenueReason(event);
      return warning === undefined ? { status: 'delivered' } : { status: 'delivered', warnings: [warning] };
    });
  }
  return outcomeFromErrorTable(taboolaErrors, response, PLATFORM, now);
}
