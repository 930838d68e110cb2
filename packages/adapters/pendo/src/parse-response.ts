import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  type ParseContext,
  outcomeFromErrorTable,
} from '@relay/core';
import { allPropertiesOf } from './build-requests';
import { pendoErrors } from './error-map';
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
 * under Pendo's 512-byte properties limit; otherwise one outcome for the request from the error
 * table (401: the shared secret needs a person), else core's status table with the body's excerpt.
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  ctx: ParseContext<PendoCredentials, PendoOptions>,
): Outcome[] | Outcome {
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
  return outcomeFromErrorTable(pendoErrors, response, PLATFORM, ctx.now);
}
