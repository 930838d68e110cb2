import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  outcomeFromStatus,
  outcomeOfRow,
  rowForError,
} from '@relay/core';
import {
  type ConversionError,
  type GoogleApiError,
  conversionErrorInfo,
  conversionErrors,
  describeGoogleApiError,
  googleApiErrors,
} from './error-map';

const PLATFORM = 'Campaign Manager 360';

/** One conversion's outcome from its errors: the conversion table's row, else rejected `conversion_error`. */
function conversionOutcome(errors: ConversionError[]): Outcome {
  const info = conversionErrorInfo(errors);
  const row = rowForError(conversionErrors, info);
  if (row) return outcomeOfRow(row, info, PLATFORM);
  return {
    status: 'rejected',
    code: 'conversion_error',
    reason: `${PLATFORM} rejected the conversion: ${info.message}`,
  };
}

interface BatchInsertResponse {
  hasFailures?: boolean;
  status?: Array<{ errors?: ConversionError[] }>;
  error?: GoogleApiError;
}

/**
 * 200 `{hasFailures, status: [{conversion, errors}]}` carries one status per conversion, in
 * request order: no errors → delivered, else the conversion error table decides. Other answers
 * are Google API errors: one outcome for the whole request.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome | Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as BatchInsertResponse;
  if (response.status >= 200 && response.status < 300) {
    const statuses =
      Array.isArray(body.status) && body.status.length === events.length ? body.status : undefined;
    if (!statuses) {
      return body.hasFailures
        ? {
            status: 'rejected',
            code: 'conversion_error',
            reason: `${PLATFORM} reported failures without per-conversion statuses`,
          }
        : { status: 'delivered' };
    }
    return statuses.map((s) =>
      s.errors && s.errors.length > 0 ? conversionOutcome(s.errors) : { status: 'delivered' },
    );
  }
  const hit = matchErrorRow(googleApiErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, PLATFORM);
  const reason = body.error ? describeGoogleApiError(body.error) : undefined;
  return outcomeFromStatus(response, PLATFORM, now, reason);
}
