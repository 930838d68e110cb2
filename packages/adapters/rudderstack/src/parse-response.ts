import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { rudderstackErrors } from './error-map';

/**
 * The gateway takes or refuses the batch as a whole, so one outcome for the request: `200 OK`
 * (text/plain) delivers every event; errors are one plain-text message (error-map.ts).
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[]): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  return outcomeFromErrorTable(rudderstackErrors, response, 'RudderStack');
}
