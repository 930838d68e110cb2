import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromStatus,
  parseRetryAfter,
  sameOutcome,
} from '@relay/core';
import { type AmazonError, describeAmazonError, outcomeForAmazonError } from './error-map';

const PLATFORM = 'Amazon Ads Conversions API';

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

function amazonErrorOf(value: unknown): AmazonError {
  const body = objectOf(value);
  const error: AmazonError = {};
  const code = textOf(body['code']);
  const fieldLocation = textOf(body['fieldLocation']);
  // Older Amazon Ads APIs put the message in `details`.
  const message = textOf(body['message']) ?? textOf(body['details']);
  if (code !== undefined) error.code = code;
  if (fieldLocation !== undefined) error.fieldLocation = fieldLocation;
  if (message !== undefined) error.message = message;
  return error;
}

/** The outcome of one event's `errors` (1–20 of them): the first one the error table decides, else rejected. */
function outcomeOfErrors(errors: AmazonError[]): Outcome {
  for (const error of errors) {
    const special = outcomeForAmazonError(error);
    if (special) return special;
  }
  const first = errors[0] ?? {};
  return {
    status: 'rejected',
    code: first.code ? first.code.toLowerCase() : 'event_rejected',
    reason: `${PLATFORM} rejected the event: ${errors.length > 0 ? errors.map(describeAmazonError).join('; ') : 'no error detail'}`,
  };
}

/**
 * The 207 multi-status body (`EventMultiStatusResponse`): `success[]` and `error[]`, each item
 * with the 0-based `index` of the event in the request. `undefined` when the body has neither list.
 */
function multiStatusOutcomes(body: Record<string, unknown>, count: number): Outcome[] | undefined {
  const success = body['success'];
  const error = body['error'];
  if (!Array.isArray(success) && !Array.isArray(error)) return undefined;
  const outcomes: Array<Outcome | undefined> = Array.from({ length: count }, () => undefined);
  for (const item of Array.isArray(success) ? success : []) {
    const index = objectOf(item)['index'];
    if (typeof index === 'number' && index >= 0 && index < count) outcomes[index] = { status: 'delivered' };
  }
  for (const item of Array.isArray(error) ? error : []) {
    const entry = objectOf(item);
    const index = entry['index'];
    if (typeof index !== 'number' || index < 0 || index >= count) continue;
    const errors = Array.isArray(entry['errors']) ? entry['errors'].map(amazonErrorOf) : [];
    outcomes[index] = outcomeOfErrors(errors);
  }
  return outcomes.map(
    (outcome) =>
      outcome ?? {
        status: 'delivered',
        warnings: [
          `${PLATFORM} answered ${count > 1 ? 'the batch' : 'the request'} without reporting on this event`,
        ],
      },
  );
}

/**
 * One outcome per event of the request, in order. A 2xx (Amazon answers 207) carries a
 * status per event: listed in `success` → delivered; listed in `error` → the error table
 * decides, else rejected with Amazon's code and field location. Any other answer applies to
 * the whole request: the error table on its `code`, then the HTTP status.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = objectOf(response.json);
  if (response.status >= 200 && response.status < 300) {
    return multiStatusOutcomes(body, events.length) ?? sameOutcome({ status: 'delivered' }, events.length);
  }
  const error = amazonErrorOf(body);
  const special = outcomeForAmazonError(error);
  if (special) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    if (special.status === 'retryable' && retryAfterMs !== undefined) special.retryAfterMs = retryAfterMs;
    return sameOutcome(special, events.length);
  }
  const reason = error.message === undefined ? undefined : describeAmazonError(error);
  return sameOutcome(outcomeFromStatus(response, PLATFORM, now, reason), events.length);
}
