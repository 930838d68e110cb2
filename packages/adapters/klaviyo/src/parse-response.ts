import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  parseRetryAfter,
  sameOutcome,
} from '@relay/core';
import { type KlaviyoError, describeKlaviyoErrors, outcomeForKlaviyoError } from './error-map';

const errorsOf = (json: unknown): KlaviyoError[] => {
  const errors = (json as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors)
    ? errors.filter((e): e is KlaviyoError => typeof e === 'object' && e !== null)
    : [];
};

/**
 * Klaviyo answers 202 Accepted (no body) when the event is queued. Errors are JSON:API
 * `{errors: [{code, title, detail, source}]}`; the request carries one event, so its outcome is
 * that event's.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  const errors = errorsOf(response.json);
  const special = outcomeForKlaviyoError(response.status, errors);
  if (special) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    if (special.status === 'retryable' && retryAfterMs !== undefined) special.retryAfterMs = retryAfterMs;
    return sameOutcome(special, events.length);
  }
  const reason = errors.length > 0 ? describeKlaviyoErrors(errors) : undefined;
  return sameOutcome(outcomeFromStatus(response, 'Klaviyo', now, reason), events.length);
}
