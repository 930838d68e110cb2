import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  parseRetryAfter,
  sameOutcome,
} from '@relay/core';
import {
  type ConversionError,
  type GoogleApiError,
  describeGoogleApiError,
  outcomeForConversionErrors,
  outcomeForGoogleApiError,
} from './error-map';

const PLATFORM = 'Campaign Manager 360';

interface BatchInsertResponse {
  hasFailures?: boolean;
  status?: Array<{ errors?: ConversionError[] }>;
  error?: GoogleApiError;
}

/**
 * 200 `{hasFailures, status: [{conversion, errors}]}` carries one status per conversion, in
 * request order: no errors → delivered, else the error codes decide. Other answers are Google
 * API errors for the whole request.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as BatchInsertResponse;
  if (response.status >= 200 && response.status < 300) {
    const statuses =
      Array.isArray(body.status) && body.status.length === events.length ? body.status : undefined;
    if (!statuses) {
      return sameOutcome(
        body.hasFailures
          ? {
              status: 'rejected',
              code: 'conversion_error',
              reason: `${PLATFORM} reported failures without per-conversion statuses`,
            }
          : { status: 'delivered' },
        events.length,
      );
    }
    return statuses.map((s) =>
      s.errors && s.errors.length > 0 ? outcomeForConversionErrors(s.errors) : { status: 'delivered' },
    );
  }
  const error = body.error ?? {};
  const special = outcomeForGoogleApiError(response.status, error);
  if (special) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    if (special.status === 'retryable' && retryAfterMs !== undefined) special.retryAfterMs = retryAfterMs;
    return sameOutcome(special, events.length);
  }
  const reason = body.error ? describeGoogleApiError(error) : undefined;
  return sameOutcome(outcomeFromStatus(response, PLATFORM, now, reason), events.length);
}
