import { type ErrorRow, type ErrorTable, type PlatformErrorInfo, objectOf } from '@relay/core';

/** A Bing Ads API error (`OperationError` / `BatchError` / `AdApiError` in REST JSON). */
export interface BingError {
  Code?: number;
  ErrorCode?: string;
  Message?: string;
  Details?: string | null;
  Index?: number;
  FieldPath?: string | null;
}

export function describeBingError(error: BingError): string {
  const message = error.Message?.trim() || 'no message';
  const code = [error.Code, error.ErrorCode].filter((p) => p !== undefined && p !== null).join(' ');
  const field = error.FieldPath ? ` at ${error.FieldPath}` : '';
  return `${message}${field}${code ? ` (${code})` : ''}`;
}

/** The errors of a failed Bing Ads API call: `OperationErrors[]`, `Errors[]` and `BatchErrors[]`. */
export function bingErrorsOf(json: unknown): BingError[] {
  const body = objectOf(json);
  const list = (value: unknown): BingError[] =>
    Array.isArray(value) ? value.map((e) => objectOf(e) as BingError) : [];
  return [...list(body['OperationErrors']), ...list(body['Errors']), ...list(body['BatchErrors'])];
}

const bingExample = (status: number, Code: number, ErrorCode: string, Message: string) => ({
  status,
  body: { TrackingId: 'a1b2c3', OperationErrors: [{ Code, ErrorCode, Message }] },
});

/** Bing Ads API operation error codes (learn.microsoft.com/advertising/guides/operation-error-codes) that override the HTTP status. */
const bingRows: ErrorRow[] = [
  {
    code: 0, // InternalError
    outcome: { status: 'retryable' },
    reason: 'internal error',
    example: bingExample(500, 0, 'InternalError', 'An internal error has occurred.'),
  },
  {
    // InvalidCredentials (a stale or wrong access token, or a developer token of the other
    // environment) and AuthenticationTokenExpired.
    code: [105, 109],
    outcome: { status: 'auth', kind: 'refresh' },
    reason: 'access token refused',
    example: bingExample(401, 109, 'AuthenticationTokenExpired', 'Authentication token expired.'),
  },
  {
    code: 106, // UserIsNotAuthorized
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'says the user has no access to this customer or account',
    example: bingExample(
      403,
      106,
      'UserIsNotAuthorized',
      'The user does not represent a authorized developer.',
    ),
  },
  {
    code: 117, // CallRateExceeded
    outcome: { status: 'retryable' },
    reason: 'call rate exceeded',
    example: bingExample(429, 117, 'CallRateExceeded', 'The call rate is exceeded.'),
  },
];

const BING_KNOWN = new Set(bingRows.flatMap((row) => [row.code ?? []].flat()));

/**
 * Offline conversions (Campaign Management API): the first error whose code has a row
 * decides, with its own message; otherwise the reason carries every error's message.
 */
export const bingErrors: ErrorTable = {
  read: (response): PlatformErrorInfo | undefined => {
    const errors = bingErrorsOf(response.json);
    if (errors.length === 0) return undefined;
    const known = errors.find((e) => e.Code !== undefined && BING_KNOWN.has(e.Code));
    if (known) return { code: known.Code as number, message: describeBingError(known) };
    return { message: errors.map(describeBingError).join('; ') };
  },
  rows: bingRows,
};

/** A UET Conversions API validation detail (`error.details[]`). */
export interface UetErrorDetail {
  index?: number;
  propertyName?: string;
  errorMessage?: string;
  errorCode?: string;
  isWarning?: boolean;
}

export function describeUetDetail(detail: UetErrorDetail): string {
  const message = detail.errorMessage?.trim() || 'invalid value';
  const where = detail.propertyName ? `${detail.propertyName}: ` : '';
  return `${where}${message}${detail.errorCode ? ` (${detail.errorCode})` : ''}`;
}

/** The UET Conversions API's `error` object (`{code, message, details}`). */
export function uetErrorOf(json: unknown): { code?: string; message?: string; details?: unknown } {
  return objectOf(objectOf(json)['error']) as { code?: string; message?: string; details?: unknown };
}

/** UET Conversions API answers that override the HTTP status. */
export const uetErrors: ErrorTable = {
  read: (response): PlatformErrorInfo => {
    const error = uetErrorOf(response.json);
    const message = [error.code, error.message].filter(Boolean).join(': ');
    return { message: message || `HTTP ${response.status}` };
  },
  rows: [
    {
      // The tag token has no refresh flow: a wrong or revoked one needs a person.
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the tag token; copy the token of this UET tag from Microsoft Advertising',
      example: { status: 401, body: { error: { code: 'Unauthorized', message: 'Invalid token' } } },
    },
  ],
};
