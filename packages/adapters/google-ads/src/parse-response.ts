import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  outcomeFromStatus,
  parseRetryAfter,
  sameOutcome,
} from '@relay/core';
import { outcomeForAdsError, outcomeForStatus } from './error-map';
import {
  type GoogleAdsError,
  type GoogleStatus,
  adsErrorCode,
  conversionIndex,
  errorInfoReason,
  eventIndexOfField,
  googleAdsErrors,
  statusOf,
} from './google-error';

const PLATFORM = 'Google Ads';

/** One outcome per event of the request, in order. */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  api: 'data_manager' | 'ads_api',
  validateOnly: boolean,
  now: Date,
): Outcome[] {
  const ok = response.status >= 200 && response.status < 300;
  if (ok && api === 'ads_api') return partialFailures(response, events.length, validateOnly);
  if (ok) {
    return sameOutcome(
      validateOnly
        ? {
            status: 'delivered',
            warnings: ['validateOnly: Google validated the events and recorded nothing'],
          }
        : { status: 'delivered' },
      events.length,
    );
  }
  const status = statusOf(response.json);
  if (api === 'ads_api') return adsApiError(response, status, events.length, now);
  return dataManagerError(response, status, events.length, now);
}

function wholeRequest(response: HttpResponse, status: GoogleStatus | undefined, now: Date): Outcome {
  const message = status?.message ?? (excerpt(response.body, 300) || `HTTP ${response.status}`);
  return (
    outcomeForStatus(status?.status, errorInfoReason(status), message, response, now) ??
    outcomeFromStatus(response, PLATFORM, now, message)
  );
}

/**
 * Data Manager fails fast: one invalid event fails the whole request and nothing is ingested.
 * Events named by a field violation are rejected with it; the others were not ingested and are
 * retried (without the bad ones) on the next attempt.
 */
function dataManagerError(
  response: HttpResponse,
  status: GoogleStatus | undefined,
  count: number,
  now: Date,
): Outcome[] {
  const violations = (status?.details ?? []).flatMap((d) => d.fieldViolations ?? []);
  const perEvent = new Map<number, string[]>();
  for (const v of violations) {
    const index = eventIndexOfField(v.field);
    if (index === undefined || index >= count) continue;
    perEvent.set(index, [
      ...(perEvent.get(index) ?? []),
      `${v.field}: ${v.description ?? v.reason ?? 'invalid'}`,
    ]);
  }
  if (status?.status !== 'INVALID_ARGUMENT' || perEvent.size === 0) {
    return sameOutcome(wholeRequest(response, status, now), count);
  }
  const code = errorInfoReason(status) ?? 'INVALID_ARGUMENT';
  return Array.from({ length: count }, (_, i): Outcome => {
    const problems = perEvent.get(i);
    if (problems)
      return { status: 'rejected', code, reason: `${PLATFORM} rejected the event: ${problems.join('; ')}` };
    return {
      status: 'retryable',
      reason: `${PLATFORM} ingested nothing because other events of the request were invalid; sent again without them`,
    };
  });
}

function adsApiError(
  response: HttpResponse,
  status: GoogleStatus | undefined,
  count: number,
  now: Date,
): Outcome[] {
  const first = googleAdsErrors(status)[0];
  const code = first && adsErrorCode(first);
  const special = code && outcomeForAdsError(code.kind, code.value, first.message ?? '');
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
  if (
    special &&
    special.status === 'retryable' &&
    special.retryAfterMs === undefined &&
    retryAfterMs !== undefined
  ) {
    return sameOutcome({ ...special, retryAfterMs }, count);
  }
  return sameOutcome(special ?? wholeRequest(response, status, now), count);
}

/** Outcome of one conversion from its Ads API errors (first known code wins). */
function conversionOutcome(errors: GoogleAdsError[]): Outcome {
  for (const error of errors) {
    const code = adsErrorCode(error);
    const outcome = code && outcomeForAdsError(code.kind, code.value, error.message ?? '');
    if (outcome) return outcome;
  }
  const codes = errors.map((e) => adsErrorCode(e)).filter((c) => c !== undefined);
  return {
    status: 'rejected',
    code: codes[0]?.value ?? 'PARTIAL_FAILURE',
    reason: `${PLATFORM} rejected the conversion: ${errors
      .map((e) => {
        const c = adsErrorCode(e);
        return `${c ? `${c.kind}.${c.value}: ` : ''}${e.message ?? ''}`.trim();
      })
      .join('; ')}`,
  };
}

/**
 * A 200 from `uploadClickConversions` with `partialFailure: true` lists failed rows in
 * `partialFailureError.details[].errors[]`, located by `fieldPathElements` (`conversions[i]`).
 */
function partialFailures(response: HttpResponse, count: number, validateOnly: boolean): Outcome[] {
  const json = response.json as { partialFailureError?: GoogleStatus } | undefined;
  const failure = json?.partialFailureError;
  const delivered: Outcome = validateOnly
    ? {
        status: 'delivered',
        warnings: ['validateOnly: Google validated the conversions and recorded nothing'],
      }
    : { status: 'delivered' };
  if (!failure) return sameOutcome(delivered, count);
  const perEvent = new Map<number, GoogleAdsError[]>();
  const unlocated: GoogleAdsError[] = [];
  for (const error of googleAdsErrors(failure)) {
    const index = conversionIndex(error);
    if (index === undefined || index >= count) unlocated.push(error);
    else perEvent.set(index, [...(perEvent.get(index) ?? []), error]);
  }
  if (perEvent.size === 0) {
    // A failure that names no row concerns them all.
    const outcome: Outcome =
      unlocated.length > 0
        ? conversionOutcome(unlocated)
        : {
            status: 'rejected',
            code: 'PARTIAL_FAILURE',
            reason: `${PLATFORM}: ${failure.message ?? 'partial failure'}`,
          };
    return sameOutcome(outcome, count);
  }
  return Array.from({ length: count }, (_, i) => {
    const errors = perEvent.get(i);
    return errors ? conversionOutcome(errors) : delivered;
  });
}
