import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type AdrollError, describeAdrollErrors, outcomeForAdrollError } from './error-map';

const PLATFORM = 'AdRoll S2S Event API';

/** The `errors` list of a NextRoll error body, when there is one. */
function errorsOf(json: unknown): AdrollError[] {
  if (typeof json !== 'object' || json === null) return [];
  const errors = (json as { errors?: unknown }).errors;
  return Array.isArray(errors)
    ? errors.filter((e): e is AdrollError => typeof e === 'object' && e !== null)
    : [];
}

/**
 * AdRoll accepts or refuses the request as a whole (no per-event statuses are documented): 2xx
 * delivered; otherwise the error map, then core's status table, with NextRoll's `errors` messages
 * as the reason when the body has them.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const errors = errorsOf(response.json);
  const detail =
    errors.length > 0
      ? describeAdrollErrors(errors)
      : excerpt(response.body, 300) || `HTTP ${response.status}`;
  const special = outcomeForAdrollError(response.status, detail);
  return sameOutcome(special ?? outcomeFromStatus(response, PLATFORM, now, detail), events.length);
}
