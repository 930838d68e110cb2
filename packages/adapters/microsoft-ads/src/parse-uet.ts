import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromErrorTable,
} from '@relay/core';
import { type UetErrorDetail, describeUetDetail, uetErrors } from './error-map';

const PLATFORM = 'Microsoft UET Conversions API';

interface UetResponseBody {
  eventsReceived?: number;
  error?: { code?: string; message?: string; details?: UetErrorDetail[] };
  traceId?: string;
}

/** Error and warning messages per event index of the request. */
function detailsByIndex(details: UetErrorDetail[], count: number) {
  const errors: string[][] = Array.from({ length: count }, () => []);
  const warnings: string[][] = Array.from({ length: count }, () => []);
  for (const detail of details) {
    if (typeof detail.index !== 'number' || detail.index < 0 || detail.index >= count) continue;
    (detail.isWarning ? warnings : errors)[detail.index]!.push(describeUetDetail(detail));
  }
  return { errors, warnings };
}

/**
 * One outcome per event. 200: every event processed except those with an error detail
 * (skipped under `continueOnValidationError`); warning details are fields Microsoft dropped.
 * 400 with details: events with errors are rejected; the others were not processed only
 * because of them (all-or-nothing mode) and are `collateral`: core sends them again at once
 * without the bad ones (the request is `atomic` in that mode, uet-capi.ts). Other answers: one outcome for
 * the request from the UET error table (401: the tag token is wrong or revoked, which a person
 * must fix), else the HTTP status.
 */
export function parseUetResponse(
  response: HttpResponse,
  events: MappedEvent[],
  continueOnValidationError: boolean,
): Outcome | Outcome[] {
  const body = objectOf(response.json) as UetResponseBody;
  const error = objectOf(body.error) as NonNullable<UetResponseBody['error']>;
  const details = Array.isArray(error.details) ? error.details.map((d) => objectOf(d) as UetErrorDetail) : [];
  const { errors, warnings } = detailsByIndex(details, events.length);
  const rejected = (i: number): Outcome => ({
    status: 'rejected',
    code: 'validation_error',
    reason: `${PLATFORM} refused the event: ${errors[i]!.join('; ')}`,
  });

  if (response.status >= 200 && response.status < 300) {
    return events.map((_, i) => {
      if (errors[i]!.length > 0) return rejected(i);
      return warnings[i]!.length > 0
        ? { status: 'delivered', warnings: warnings[i]! }
        : { status: 'delivered' };
    });
  }
  if (response.status === 400 && details.length > 0) {
    const reason = error.message?.trim() || 'validation failed';
    return events.map((_, i) => {
      if (errors[i]!.length > 0) return rejected(i);
      if (continueOnValidationError)
        return {
          status: 'rejected',
          code: 'validation_error',
          reason: `${PLATFORM}: no event of the batch was valid: ${reason}`,
        };
      return {
        status: 'retryable',
        reason: `${PLATFORM} processed nothing because other events of the batch were invalid`,
        collateral: true,
      };
    });
  }
  return outcomeFromErrorTable(uetErrors, response, PLATFORM);
}
