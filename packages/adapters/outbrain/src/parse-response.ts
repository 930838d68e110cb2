import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { outbrainErrors } from './error-map';

/**
 * One outcome for the request (it carries one event). Outbrain's S2S call answers with an empty
 * or pixel body and no per-conversion result: any 2xx is delivered. Other answers: the error
 * table (error-map.ts), then core's default for the status.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  return outcomeFromErrorTable(outbrainErrors, response, 'Outbrain S2S', now);
}
