import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  type ParseContext,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { allPropertiesOf } from './build-requests';
import { outcomeForPendoError } from './error-map';
import type { PendoCredentials, PendoOptions } from './schemas';

const PLATFORM = 'Pendo';

/** The properties a request carried (its body is the one Track Event). */
function sentPropertyKeys(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const properties = (body as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

/**
 * One event per request. 2xx → delivered, with a warning naming the properties left out to stay
 * under Pendo's 512-byte properties limit; 401 → the shared secret needs a person (error map);
 * anything else → core's status table with the body's excerpt.
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  ctx: ParseContext<PendoCredentials, PendoOptions>,
): Outcome[] {
  if (response.status >= 200 && response.status < 300) {
    return events.map((mapped) => {
      const sent = new Set(sentPropertyKeys(ctx.request.body));
      const dropped = Object.keys(allPropertiesOf(mapped)).filter((key) => !sent.has(key));
      return dropped.length > 0
        ? {
            status: 'delivered',
            warnings: [
              `${PLATFORM} shows properties over 512 bytes as "too large"; left out: ${dropped.join(', ')}`,
            ],
          }
        : { status: 'delivered' };
    });
  }
  const detail = excerpt(response.body, 300) || `HTTP ${response.status}`;
  const special = outcomeForPendoError(response.status, detail);
  return sameOutcome(special ?? outcomeFromStatus(response, PLATFORM, ctx.now), events.length);
}
