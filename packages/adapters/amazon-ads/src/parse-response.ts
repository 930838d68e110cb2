import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  objectOf,
  outcomeFromStatus,
  outcomeOfRow,
  rowForError,
  sameOutcome,
} from '@relay/core';
import {
  type AmazonError,
  amazonErrorInfo,
  amazonErrorOf,
  amazonErrors,
  describeAmazonError,
} from './error-map';

const PLATFORM = 'Amazon Ads Conversions API';

/** The outcome of one event's `errors` (1–20 of them): the first one the error table decides, else rejected. */
function outcomeOfErrors(errors: AmazonError[]): Outcome {
  for (const error of errors) {
    const info = amazonErrorInfo(error);
    const row = rowForError(amazonErrors, info);
    if (row) return outcomeOfRow(row, info, PLATFORM);
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
 * A 2xx (Amazon answers 207) carries a status per event, in order: listed in `success` →
 * delivered; listed in `error` → the error table decides, else rejected with Amazon's code and
 * field location. Any other answer is one outcome for the whole request: the error table on its
 * `code`, then the HTTP status (core applies Retry-After).
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome | Outcome[] {
  const body = objectOf(response.json);
  if (response.status >= 200 && response.status < 300) {
    return multiStatusOutcomes(body, events.length) ?? sameOutcome({ status: 'delivered' }, events.length);
  }
  const hit = matchErrorRow(amazonErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, PLATFORM);
  const error = amazonErrorOf(body);
  const reason = error.message === undefined ? undefined : describeAmazonError(error);
  return outcomeFromStatus(response, PLATFORM, now, reason);
}
