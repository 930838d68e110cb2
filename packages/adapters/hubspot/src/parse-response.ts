import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  type ParseContext,
  outcomeFromErrorTable,
} from '@relay/core';
import { completionOf } from './build-requests';
import { hubspotErrors } from './error-map';
import type { HubspotCredentials, HubspotOptions } from './schemas';

/**
 * HubSpot answers `204 No Content` when it takes the occurrence (or the whole batch) and one
 * error body otherwise, for the request as a whole. 2xx → delivered, with a warning for each
 * value shortened to HubSpot's length limits; errors → one outcome from the error table, else
 * core's status table.
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  ctx: ParseContext<HubspotCredentials, HubspotOptions>,
): Outcome | Outcome[] {
  if (response.status >= 200 && response.status < 300) {
    return events.map((mapped) => {
      const { warnings } = completionOf(mapped, ctx);
      return warnings.length > 0 ? { status: 'delivered', warnings } : { status: 'delivered' };
    });
  }
  return outcomeFromErrorTable(hubspotErrors, response, 'HubSpot', ctx.now);
}
