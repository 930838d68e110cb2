import type { ErrorRow, ErrorTable, PlatformErrorInfo } from '@relay/core';

export interface XError {
  code?: string | number;
  message?: string;
  parameter?: string;
}

/** One X error as `message (code C, parameter)`. */
const describeXError = (e: XError) =>
  `${e.message ?? 'error'} (code ${e.code ?? '?'}${e.parameter ? `, ${e.parameter}` : ''})`;

export function describeXErrors(errors: XError[]): string {
  return errors.map(describeXError).join('; ');
}

/** The `errors` array of an X answer. */
export function xErrorsOf(json: unknown): XError[] {
  const errors = (typeof json === 'object' && json !== null ? json : {}) as { errors?: unknown };
  return Array.isArray(errors.errors) ? (errors.errors as XError[]) : [];
}

const RATE_LIMITED = ['88', 'TOO_MANY_REQUESTS'];
const TEMPORARY = ['130', '131', 'SERVICE_UNAVAILABLE', 'INTERNAL_ERROR'];
const TOKENS_REFUSED = ['32', '89', '135', 'UNAUTHORIZED_ACCESS', 'INVALID_ACCOUNT_SERVICE_LEVEL'];

const example = (status: number, code: string | number, message: string) => ({
  status,
  body: { errors: [{ code, message }], request: { params: {} } },
});

/**
 * X Ads API error codes that override the HTTP status (numeric v1.1 codes and the Ads API's
 * named ones). The OAuth 1.0a tokens never expire by themselves, so refused tokens need a person.
 */
const rows: ErrorRow[] = [
  {
    code: RATE_LIMITED,
    outcome: { status: 'retryable' },
    reason: 'rate limit',
    example: example(429, 'TOO_MANY_REQUESTS', 'Rate limit exceeded'),
  },
  {
    code: TEMPORARY,
    outcome: { status: 'retryable' },
    reason: 'temporary error',
    example: example(503, 'SERVICE_UNAVAILABLE', 'Service unavailable'),
  },
  {
    code: TOKENS_REFUSED,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'refused the OAuth 1.0a tokens',
    example: example(401, 'UNAUTHORIZED_ACCESS', 'This request is not properly authenticated'),
  },
];

const KNOWN = new Set([...RATE_LIMITED, ...TEMPORARY, ...TOKENS_REFUSED]);

/**
 * X's `errors[]`: the first error whose code has a row decides (else the first error); the
 * reason carries every error's message.
 */
export const xErrors: ErrorTable = {
  read: (response): PlatformErrorInfo | undefined => {
    const errors = xErrorsOf(response.json);
    if (errors.length === 0) return undefined;
    const decisive = errors.find((e) => KNOWN.has(String(e.code ?? ''))) ?? errors[0]!;
    const info: PlatformErrorInfo = { message: describeXError(decisive) };
    if (decisive.code !== undefined) info.code = String(decisive.code);
    if (errors.length > 1) info.message = describeXErrors(errors);
    return info;
  },
  rows,
};
