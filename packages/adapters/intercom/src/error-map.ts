import type { Outcome } from '@relay/core';

/** Intercom's error list: `{type: "error.list", errors: [{code, message}]}`. */
export interface IntercomError {
  code?: string;
  message?: string;
}

const PLATFORM = 'Intercom';

/**
 * Intercom error codes that override the HTTP status; each row has a parse test.
 * `rate_limit_exceeded` → retry; `unauthorized` / `token_unauthorized` / `token_not_found` /
 * `token_revoked` → the token needs a person (private-app tokens are not refreshed);
 * `not_found` (no such user) → rejected: the user must exist in Intercom first.
 */
export function outcomeForIntercomError(error: IntercomError): Outcome | undefined {
  const detail = `${error.message ?? 'no message'} (${error.code ?? '?'})`;
  switch (error.code) {
    case 'rate_limit_exceeded':
      return { status: 'retryable', reason: `${PLATFORM} rate limit: ${detail}` };
    case 'unauthorized':
    case 'token_unauthorized':
    case 'token_not_found':
    case 'token_revoked':
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the access token: ${detail}`,
      };
    case 'not_found':
      return { status: 'rejected', code: 'intercom_user_not_found', reason: `${PLATFORM}: ${detail}` };
    default:
      return undefined;
  }
}
