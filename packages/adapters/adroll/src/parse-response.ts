import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { adrollErrors } from './error-map';

/**
 * AdRoll accepts or refuses the request as a whole (no per-event statuses are documented): 2xx
 * delivered; otherwise one outcome from the error table, then core's status table, with
 * NextRoll's `errors` messages as the reason when the body has them.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  return outcomeFromErrorTable(adrollErrors, response, 'AdRoll S2S Event API', now);
}
