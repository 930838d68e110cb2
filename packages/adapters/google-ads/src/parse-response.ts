import {
  type ErrorTable,
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  type PlatformErrorInfo,
  matchErrorRow,
  outcomeFromStatus,
  outcomeOfRow,
  rowForError,
} from '@relay/core';
import { adsApiErrors, adsErrorInfo, googleStatusErrors } from './error-map';
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

/** Ads API codes that mean Google already has the conversion: delivered, with a warning. */
const DUPLICATES = new Set(['CLICK_CONVERSION_ALREADY_EXISTS', 'ORDER_ID_ALREADY_IN_USE']);

const duplicate = (info: PlatformErrorInfo | undefined): Outcome | undefined =>
  info && DUPLICATES.has(String(info.code))
    ? { status: 'delivered', warnings: [`${PLATFORM} already has this conversion (${info.code})`] }
    : undefined;

/**
 * The outcome of an answer about the whole request: one Outcome for every event (core applies
 * Retry-After). A rejection's code is the ErrorInfo reason, else the canonical status.
 */
function wholeRequest(response: HttpResponse, tables: ErrorTable[], now: Date): Outcome {
  for (const table of tables) {
    const dup = duplicate(table.read(response));
    if (dup) return dup;
    const hit = matchErrorRow(table, response);
    if (!hit) continue;
    const outcome = outcomeOfRow(hit.row, hit.error, PLATFORM);
    if (outcome.status === 'rejected' && table === googleStatusErrors)
      return { ...outcome, code: String(hit.error.subcode ?? hit.error.code) };
    return outcome;
  }
  return outcomeFromStatus(response, PLATFORM, now, statusOf(response.json)?.message);
}

/**
 * One outcome for the whole request, or one per event (in order) when the answer names events:
 * Data Manager field violations, Ads API partial failures.
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  api: 'data_manager' | 'ads_api',
  validateOnly: boolean,
  now: Date,
): Outcome | Outcome[] {
  const ok = response.status >= 200 && response.status < 300;
  if (ok && api === 'ads_api') return partialFailures(response, events.length, validateOnly);
  if (ok) {
    return validateOnly
      ? { status: 'delivered', warnings: ['validateOnly: Google validated the events and recorded nothing'] }
      : { status: 'delivered' };
  }
  if (api === 'ads_api') return wholeRequest(response, [adsApiErrors, googleStatusErrors], now);
  return dataManagerError(response, statusOf(response.json), events.length, now);
}

/**
 * Data Manager fails fast: one invalid event fails the whole request and nothing is ingested.
 * Events named by a field violation are rejected with it; the others were not ingested and are
 * `collateral`: core (`batch.atomic`) sends them again at once without the bad ones, spending no
 * attempt. An answer naming no event is one outcome for the request (error-map.ts).
 */
function dataManagerError(
  response: HttpResponse,
  status: GoogleStatus | undefined,
  count: number,
  now: Date,
): Outcome | Outcome[] {
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
    return wholeRequest(response, [googleStatusErrors], now);
  }
  const code = errorInfoReason(status) ?? 'INVALID_ARGUMENT';
  return Array.from({ length: count }, (_, i): Outcome => {
    const problems = perEvent.get(i);
    if (problems)
      return { status: 'rejected', code, reason: `${PLATFORM} rejected the event: ${problems.join('; ')}` };
    return {
      status: 'retryable',
      reason: `${PLATFORM} ingested nothing because other events of the request were invalid; sent again without them`,
      collateral: true,
    };
  });
}

/** Outcome of one conversion from its Ads API errors (first error with a row wins). */
function conversionOutcome(errors: GoogleAdsError[]): Outcome {
  for (const error of errors) {
    const info = adsErrorInfo(error);
    if (!info) continue;
    const dup = duplicate(info);
    if (dup) return dup;
    const row = rowForError(adsApiErrors, info);
    if (row) return outcomeOfRow(row, info, PLATFORM);
  }
  const codes = errors.map((e) => adsErrorCode(e)).filter((c) => c !== undefined);
  return {
    status: 'rejected',
    code: codes[0]?.value ?? 'PARTIAL_FAILURE',
    reason: `${PLATFORM} rejected the conversion: ${errors
      .map((e) => adsErrorInfo(e)?.message ?? e.message ?? '')
      .map((m) => m.trim())
      .join('; ')}`,
  };
}

/**
 * A 200 from `uploadClickConversions` with `partialFailure: true` lists failed rows in
 * `partialFailureError.details[].errors[]`, located by `fieldPathElements` (`conversions[i]`).
 */
function partialFailures(response: HttpResponse, count: number, validateOnly: boolean): Outcome | Outcome[] {
  const json = response.json as { partialFailureError?: GoogleStatus } | undefined;
  const failure = json?.partialFailureError;
  const delivered: Outcome = validateOnly
    ? {
        status: 'delivered',
        warnings: ['validateOnly: Google validated the conversions and recorded nothing'],
      }
    : { status: 'delivered' };
  if (!failure) return delivered;
  const perEvent = new Map<number, GoogleAdsError[]>();
  const unlocated: GoogleAdsError[] = [];
  for (const error of googleAdsErrors(failure)) {
    const index = conversionIndex(error);
    if (index === undefined || index >= count) unlocated.push(error);
    else perEvent.set(index, [...(perEvent.get(index) ?? []), error]);
  }
  if (perEvent.size === 0) {
    // A failure that names no row concerns them all.
    return unlocated.length > 0
      ? conversionOutcome(unlocated)
      : {
          status: 'rejected',
          code: 'PARTIAL_FAILURE',
          reason: `${PLATFORM}: ${failure.message ?? 'partial failure'}`,
        };
  }
  return Array.from({ length: count }, (_, i) => {
    const errors = perEvent.get(i);
    return errors ? conversionOutcome(errors) : delivered;
  });
}
