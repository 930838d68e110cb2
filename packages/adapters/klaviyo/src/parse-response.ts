import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { describeKlaviyoErrors, klaviyoErrors, klaviyoErrorsOf } from './error-map';

/**
 * Klaviyo answers 202 Accepted (no body) when the event is queued. Errors are JSON:API
 * `{errors: [{code, title, detail, source}]}`: the error table, else core's status table. The
 * request carries one event: one outcome for it.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  const hit = matchErrorRow(klaviyoErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, 'Klaviyo');
  const errors = klaviyoErrorsOf(response.json);
  const reason = errors.length > 0 ? describeKlaviyoErrors(errors) : undefined;
  return outcomeFromStatus(response, 'Klaviyo', now, reason);
}
