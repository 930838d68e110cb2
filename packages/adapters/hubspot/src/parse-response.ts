import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  type ParseContext,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { completionOf } from './build-requests';
import { type HubspotError, describeHubspotError, outcomeForHubspotError } from './error-map';
import type { HubspotCredentials, HubspotOptions } from './schemas';

const errorOf = (json: unknown): HubspotError =>
  typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as HubspotError) : {};

/**
 * HubSpot answers `204 No Content` when it takes the occurrence (or the whole batch) and one
 * error body otherwise, for the request as a whole. 2xx → delivered, with a warning for each
 * value shortened to HubSpot's length limits; errors → the error map, else core's table.
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  ctx: ParseContext<HubspotCredentials, HubspotOptions>,
): Outcome[] {
  if (response.status >= 200 && response.status < 300) {
    return events.map((mapped) => {
      const completion = completionOf(mapped, ctx);
      return 'warnings' in completion && completion.warnings.length > 0
        ? { status: 'delivered', warnings: completion.warnings }
        : { status: 'delivered' };
    });
  }
  const error = errorOf(response.json);
  const detail = describeHubspotError(error, excerpt(response.body, 300) || `HTTP ${response.status}`);
  const special = outcomeForHubspotError(response.status, error, detail, events.length);
  return sameOutcome(special ?? outcomeFromStatus(response, 'HubSpot', ctx.now, detail), events.length);
}
