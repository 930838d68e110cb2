import type { ErrorRow, ErrorTable } from '@relay/core';

/** Iterable's error body: `{msg, code, params}`. */
export interface IterableError {
  code?: string;
  msg?: string;
}

const example = (status: number, code: string, msg: string): ErrorRow['example'] => ({
  status,
  body: { msg, code, params: null },
});

/**
 * Iterable codes that override the HTTP status (api.iterable.com/api/docs, error `code`s):
 * `BadApiKey` / `Forbidden`: the key is wrong or not server-side → needs a person.
 * `RateLimitExceeded`: retry. `BadJsonBody` / `InvalidEmailAddressError` / `BadParams`: rejected
 * under `iterable_<code>`.
 */
export const iterableErrors: ErrorTable = {
  read: (response) => {
    const body = (
      typeof response.json === 'object' && response.json !== null ? response.json : {}
    ) as IterableError;
    if (body.code === undefined && body.msg === undefined) return undefined;
    const message = `${body.msg ?? 'no message'} (${body.code ?? '?'})`;
    return body.code === undefined ? { message } : { code: body.code, message };
  },
  rows: [
    {
      code: ['BadApiKey', 'Forbidden'],
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the API key',
      scope: 'request',
      example: example(401, 'BadApiKey', 'Invalid API key'),
    },
    {
      code: 'RateLimitExceeded',
      outcome: { status: 'retryable' },
      reason: 'rate limit',
      example: example(429, 'RateLimitExceeded', 'Rate limit exceeded'),
    },
    {
      code: 'BadJsonBody',
      outcome: { status: 'rejected', code: 'iterable_BadJsonBody' },
      reason: 'rejected the request',
      scope: 'request',
      example: example(400, 'BadJsonBody', 'Could not parse the body'),
    },
    {
      code: 'BadParams',
      outcome: { status: 'rejected', code: 'iterable_BadParams' },
      reason: 'rejected the request',
      example: example(400, 'BadParams', 'Invalid parameters'),
    },
    {
      code: 'InvalidEmailAddressError',
      outcome: { status: 'rejected', code: 'iterable_InvalidEmailAddressError' },
      reason: 'rejected the request',
      example: example(400, 'InvalidEmailAddressError', 'Invalid email: x'),
    },
  ],
};
