import type { ErrorRow, ErrorTable, PlatformErrorInfo } from '@relay/core';

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

const anyCode =
  (...codes: string[]) =>
  (error: PlatformErrorInfo) =>
    ((error.details?.['codes'] as string[] | undefined) ?? []).some((c) => codes.includes(c));

/** A conversion's `errors` as the table reads them: every code, and `CODE: message` of each. */
export function conversionErrorInfo(errors: ConversionError[]): PlatformErrorInfo {
  return {
    message: errors.map((e) => `${e.code ?? 'UNKNOWN'}: ${e.message ?? 'no message'}`).join('; '),
    details: { codes: errors.flatMap((e) => (typeof e.code === 'string' ? [e.code] : [])) },
  };
}

const conversionExample = (code: string, message: string): ErrorRow['example'] => ({
  status: 200,
  body: { hasFailures: true, status: [{ conversion: {}, errors: [{ code, message }] }] },
});

/**
 * Per-conversion error codes (`ConversionError.code`, developers.google.com/doubleclick-advertisers/rest/v5/ConversionStatus),
 * first row matching any code of the conversion wins: a PERMISSION_DENIED means the profile
 * cannot use the Floodlight configuration, NOT_FOUND and INVALID_ARGUMENT reject that conversion,
 * INTERNAL is worth retrying; other codes reject it as `conversion_error` (parse-response.ts).
 * Read here from the first conversion of a one-conversion answer (the conformance kit's examples).
 */
export const conversionErrors: ErrorTable = {
  read: (response) => {
    const errors = (response.json as { status?: Array<{ errors?: ConversionError[] }> } | undefined)
      ?.status?.[0]?.errors;
    return Array.isArray(errors) && errors.length > 0 ? conversionErrorInfo(errors) : undefined;
  },
  rows: [
    {
      when: anyCode('PERMISSION_DENIED'),
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'says the profile has no access to the Floodlight configuration or activity',
      example: conversionExample('PERMISSION_DENIED', 'The profile cannot use this Floodlight configuration'),
    },
    {
      when: anyCode('NOT_FOUND'),
      outcome: { status: 'rejected', code: 'not_found' },
      reason: 'rejected the conversion',
      example: conversionExample('NOT_FOUND', 'Floodlight activity not found'),
    },
    {
      when: anyCode('INVALID_ARGUMENT'),
      outcome: { status: 'rejected', code: 'invalid_argument' },
      reason: 'rejected the conversion',
      example: conversionExample('INVALID_ARGUMENT', 'Invalid gclid'),
    },
    {
      when: anyCode('INTERNAL'),
      outcome: { status: 'retryable' },
      reason: 'internal error for the conversion',
      example: conversionExample('INTERNAL', 'Internal error'),
    },
  ],
};

/** Google's quota reasons arrive as 403: they are rate limits, not permissions. */
const RATE_LIMIT_REASONS = [
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'quotaExceeded',
  'dailyLimitExceeded',
];

export const describeGoogleApiError = (error: GoogleApiError): string =>
  [error.status, error.message].filter(Boolean).join(': ') || 'no message';

const apiExample = (code: number, status: string, reason: string, message: string): ErrorRow['example'] => ({
  status: code,
  body: { error: { code, status, message, errors: [{ reason, message, domain: 'global' }] } },
});

/** Whole-request Google API errors that override core's default table (cloud.google.com/apis/design/errors). */
export const googleApiErrors: ErrorTable = {
  read: (response) => {
    const error = (response.json as { error?: GoogleApiError } | undefined)?.error ?? {};
    const reasons = (error.errors ?? []).flatMap((e) => (e.reason ? [e.reason] : []));
    return { message: describeGoogleApiError(error), details: { codes: reasons } };
  },
  rows: [
    {
      when: anyCode(...RATE_LIMIT_REASONS),
      outcome: { status: 'retryable' },
      reason: 'quota exceeded',
      example: apiExample(403, 'PERMISSION_DENIED', 'rateLimitExceeded', 'Rate Limit Exceeded'),
    },
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason:
        'denied access (needs the ddmconversions scope and a profile with access to the Floodlight configuration)',
      scope: 'request',
      example: apiExample(403, 'PERMISSION_DENIED', 'forbidden', 'The caller does not have permission'),
    },
    {
      status: 400,
      outcome: { status: 'rejected', code: 'invalid_argument' },
      reason: 'rejected the request',
      example: apiExample(400, 'INVALID_ARGUMENT', 'invalid', 'Invalid value'),
    },
  ],
};
