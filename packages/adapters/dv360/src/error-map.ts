import type { Outcome } from '@relay/core';

const PLATFORM = 'Campaign Manager 360';

/** A per-conversion `ConversionError` of a batchinsert answer. */
export interface ConversionError {
  code?: string;
  message?: string;
}

/** Google API REST error body (`{error: {code, message, status, errors: [{reason}]}}`). */
export interface GoogleApiError {
  code?: number;
  message?: string;
  status?: string;
  errors?: Array<{ reason?: string; message?: string; domain?: string }>;
}

/**
 * Per-conversion error codes (`ConversionError.code`): INTERNAL is worth retrying, a
 * PERMISSION_DENIED means the profile cannot use the Floodlight configuration, INVALID_ARGUMENT
 * and NOT_FOUND reject that conversion.
 */
export function outcomeForConversionErrors(errors: ConversionError[]): Outcome {
  const detail = errors.map((e) => `${e.code ?? 'UNKNOWN'}: ${e.message ?? 'no message'}`).join('; ');
  const codes = new Set(errors.map((e) => e.code));
  if (codes.has('PERMISSION_DENIED'))
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM}: the profile has no access to the Floodlight configuration or activity: ${detail}`,
    };
  if (codes.has('INVALID_ARGUMENT') || codes.has('NOT_FOUND'))
    return {
      status: 'rejected',
      code: codes.has('NOT_FOUND') ? 'not_found' : 'invalid_argument',
      reason: `${PLATFORM} rejected the conversion: ${detail}`,
    };
  if (codes.has('INTERNAL'))
    return { status: 'retryable', reason: `${PLATFORM} internal error for the conversion: ${detail}` };
  return {
    status: 'rejected',
    code: 'conversion_error',
    reason: `${PLATFORM} rejected the conversion: ${detail}`,
  };
}

/** Google's quota reasons arrive as 403: they are rate limits, not permissions. */
const RATE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'quotaExceeded',
  'dailyLimitExceeded',
]);

export const describeGoogleApiError = (error: GoogleApiError): string =>
  [error.status, error.message].filter(Boolean).join(': ') || 'no message';

/** Whole-request Google API errors that override core's default table. */
export function outcomeForGoogleApiError(status: number, error: GoogleApiError): Outcome | undefined {
  const detail = describeGoogleApiError(error);
  const reasons = new Set((error.errors ?? []).map((e) => e.reason));
  if ([...reasons].some((r) => r && RATE_LIMIT_REASONS.has(r)))
    return { status: 'retryable', reason: `${PLATFORM} quota exceeded: ${detail}` };
  if (status === 403)
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} denied access (needs the ddmconversions scope and a profile with access to the Floodlight configuration): ${detail}`,
    };
  if (status === 400)
    return {
      status: 'rejected',
      code: 'invalid_argument',
      reason: `${PLATFORM} rejected the request: ${detail}`,
    };
  return undefined;
}
