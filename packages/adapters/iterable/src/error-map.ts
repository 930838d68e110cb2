import type { Outcome } from '@relay/core';

/** Iterable's error body: `{msg, code, params}`. */
export interface IterableError {
  code?: string;
  msg?: string;
}

const PLATFORM = 'Iterable';

/**
 * Iterable codes that override the HTTP status; each row has a parse test.
 * `BadApiKey` / `Forbidden`: the key is wrong or not server-side → needs a person.
 * `RateLimitExceeded`: retry. `BadJsonBody` / `InvalidEmailAddressError` / `BadParams`: rejected.
 */
export function outcomeForIterableError(error: IterableError): Outcome | undefined {
  const detail = `${error.msg ?? 'no message'} (${error.code ?? '?'})`;
  switch (error.code) {
    case 'BadApiKey':
    case 'Forbidden':
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the API key: ${detail}`,
      };
    case 'RateLimitExceeded':
      return { status: 'retryable', reason: `${PLATFORM} rate limit: ${detail}` };
    case 'BadJsonBody':
    case 'BadParams':
    case 'InvalidEmailAddressError':
      return { status: 'rejected', code: `iterable_${error.code}`, reason: `${PLATFORM}: ${detail}` };
    default:
      return undefined;
  }
}
