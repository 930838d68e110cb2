import type { ErrorRow, ErrorTable, PlatformErrorInfo } from '@relay/core';

/** Intercom's error list: `{type: "error.list", errors: [{code, message}]}`. */
export interface IntercomError {
  code?: string;
  message?: string;
}

/** Intercom's `errors` of an answer (an empty list when it has none). */
export const intercomErrorsOf = (json: unknown): IntercomError[] => {
  const errors = (typeof json === 'object' && json !== null ? (json as { errors?: unknown }) : {}).errors;
  return Array.isArray(errors) ? (errors as IntercomError[]) : [];
};

/** `message (code)` of each error, joined. */
export const describeIntercomErrors = (errors: IntercomError[]): string =>
  errors.map((e) => `${e.message ?? 'error'} (${e.code ?? '?'})`).join('; ');

const anyCode =
  (...codes: string[]) =>
  (error: PlatformErrorInfo) =>
    ((error.details?.['codes'] as string[] | undefined) ?? []).some((c) => codes.includes(c));

const example = (status: number, code: string, message: string): ErrorRow['example'] => ({
  status,
  body: { type: 'error.list', request_id: 'req-1', errors: [{ code, message }] },
});

/**
 * Intercom error codes that override the HTTP status (developers.intercom.com/docs/build-an-integration/learn-more/rest-apis/errors),
 * matched on the code of any error of the list: `rate_limit_exceeded` → retry; `unauthorized` /
 * `token_unauthorized` / `token_not_found` / `token_revoked` → the token needs a person
 * (private-app tokens are not refreshed); `not_found` (no such user) → rejected: the user must
 * exist in Intercom first.
 */
export const intercomErrors: ErrorTable = {
  read: (response) => {
    const errors = intercomErrorsOf(response.json);
    if (errors.length === 0) return undefined;
    const codes = errors.flatMap((e) => (typeof e.code === 'string' ? [e.code] : []));
    return { message: describeIntercomErrors(errors), details: { codes } };
  },
  rows: [
    {
      when: anyCode('rate_limit_exceeded'),
      outcome: { status: 'retryable' },
      reason: 'rate limit',
      example: example(429, 'rate_limit_exceeded', 'Rate limit exceeded'),
    },
    {
      when: anyCode('unauthorized', 'token_unauthorized', 'token_not_found', 'token_revoked'),
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the access token',
      scope: 'request',
      example: example(401, 'token_revoked', 'Token revoked'),
    },
    {
      when: anyCode('not_found'),
      outcome: { status: 'rejected', code: 'intercom_user_not_found' },
      reason: 'has no such user (it must exist in Intercom first)',
      example: example(404, 'not_found', 'User Not Found'),
    },
  ],
};
