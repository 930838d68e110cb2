import type { Outcome } from '@relay/core';

export interface XError {
  code?: string | number;
  message?: string;
  parameter?: string;
}

const PLATFORM = 'X Conversions API';

/**
 * X Ads API error codes that override the HTTP status. Each row has a parse test.
 * 88 / TOO_MANY_REQUESTS: rate limit → retry. 32, 89, 135 / UNAUTHORIZED_ACCESS: the OAuth 1.0a
 * tokens are invalid (they never expire by themselves, so a person must fix them). 131 / 130 /
 * SERVICE_UNAVAILABLE: X's own trouble → retry.
 */
export function outcomeForXError(error: XError): Outcome | undefined {
  const code = String(error.code ?? '');
  const detail = `${error.message ?? 'no message'} (code ${code || '?'}${error.parameter ? `, ${error.parameter}` : ''})`;
  if (code === '88' || code === 'TOO_MANY_REQUESTS')
    return { status: 'retryable', reason: `${PLATFORM} rate limit: ${detail}` };
  if (['130', '131', 'SERVICE_UNAVAILABLE', 'INTERNAL_ERROR'].includes(code)) {
    return { status: 'retryable', reason: `${PLATFORM} temporary error: ${detail}` };
  }
  if (['32', '89', '135', 'UNAUTHORIZED_ACCESS', 'INVALID_ACCOUNT_SERVICE_LEVEL'].includes(code)) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the OAuth 1.0a tokens: ${detail}`,
    };
  }
  return undefined;
}

export function describeXErrors(errors: XError[]): string {
  return errors
    .map((e) => `${e.message ?? 'error'} (code ${e.code ?? '?'}${e.parameter ? `, ${e.parameter}` : ''})`)
    .join('; ');
}
