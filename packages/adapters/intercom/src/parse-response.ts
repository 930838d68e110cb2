import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type IntercomError, outcomeForIntercomError } from './error-map';

/** One event per request: 202 delivered; an error code of the table wins over the status. */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = (typeof response.json === 'object' && response.json !== null ? response.json : {}) as {
    errors?: IntercomError[];
  };
  const errors = Array.isArray(body.errors) ? body.errors : [];
  if (response.status >= 200 && response.status < 300 && errors.length === 0)
    return sameOutcome({ status: 'delivered' }, events.length);
  for (const error of errors) {
    const special = outcomeForIntercomError(error);
    if (special) return sameOutcome(special, events.length);
  }
  const reason =
    errors.length > 0
      ? errors.map((e) => `${e.message ?? 'error'} (${e.code ?? '?'})`).join('; ')
      : undefined;
  return sameOutcome(outcomeFromStatus(response, 'Intercom', now, reason), events.length);
}
