import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  objectOf,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { criteoErrors, criteoWarningsOf, describeCriteoMessage } from './error-map';

const PLATFORM = 'Criteo Events API';

/**
 * One outcome for the request's one event. 2xx: the body's `errors` reject it (the error
 * table), its `warnings` ride on the delivery. Other statuses: core's table (5xx/408/429 retry
 * with Retry-After, 401/403 auth, other 4xx rejected) with the body's first error as reason.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  const body = objectOf(response.json);
  if (response.status >= 200 && response.status < 300) {
    const hit = matchErrorRow(criteoErrors, response);
    if (hit) return outcomeOfRow(hit.row, hit.error, PLATFORM);
    const warnings = criteoWarningsOf(body);
    return warnings.length > 0 ? { status: 'delivered', warnings } : { status: 'delivered' };
  }
  const first = Array.isArray(body['errors']) ? describeCriteoMessage(body['errors'][0]) : undefined;
  return outcomeFromStatus(response, PLATFORM, now, first);
}
