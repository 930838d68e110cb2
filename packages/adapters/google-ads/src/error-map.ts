import { type HttpResponse, type Outcome, outcomeFromStatus } from '@relay/core';

const PLATFORM = 'Google Ads';
const SIX_HOURS_MS = 6 * 3_600_000;

/**
 * Google's canonical status (`error.status`, gRPC code names) → outcome, overriding the HTTP
 * status when they disagree. `undefined` → the default HTTP table.
 */
export function outcomeForStatus(
  status: string | undefined,
  reason: string | undefined,
  message: string,
  response: HttpResponse,
  now: Date,
): Outcome | undefined {
  const detail = `${status ?? `HTTP ${response.status}`}${reason ? `/${reason}` : ''}: ${message}`;
  if (
    reason === 'TERMS_AND_CONDITIONS_NOT_SIGNED' ||
    reason === 'CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE'
  ) {
    return { status: 'auth', kind: 'needs-attention', reason: `${PLATFORM} account setup: ${detail}` };
  }
  switch (status) {
    case 'UNAUTHENTICATED':
      return { status: 'auth', kind: 'refresh', reason: `${PLATFORM} rejected the access token: ${detail}` };
    case 'PERMISSION_DENIED':
      return { status: 'auth', kind: 'needs-attention', reason: `${PLATFORM} denied access: ${detail}` };
    case 'RESOURCE_EXHAUSTED':
    case 'UNAVAILABLE':
    case 'INTERNAL':
    case 'DEADLINE_EXCEEDED':
    case 'ABORTED':
      return outcomeFromStatus({ ...response, status: retryStatus(response.status) }, PLATFORM, now, detail);
    case 'INVALID_ARGUMENT':
    case 'FAILED_PRECONDITION':
    case 'NOT_FOUND':
    case 'OUT_OF_RANGE':
      return {
        status: 'rejected',
        code: reason ?? status,
        reason: `${PLATFORM} rejected the request: ${detail}`,
      };
    default:
      return undefined;
  }
}

/** Keep a retryable HTTP status, else treat the answer as a 503 so the default table retries it. */
const retryStatus = (status: number) => (status === 429 || status >= 500 ? status : 503);

/**
 * Google Ads API error codes (`errorCode: {<kind>: <VALUE>}`) → outcome, for one conversion
 * (partial failure) or the whole request. `undefined` → rejected with the code.
 */
export function outcomeForAdsError(kind: string, value: string, message: string): Outcome | undefined {
  const detail = `${kind}.${value}: ${message}`;
  switch (value) {
    case 'TOO_RECENT_EVENT':
    case 'TOO_RECENT_CLICK':
    case 'TOO_RECENT_CONVERSION_ACTION':
      return { status: 'retryable', reason: `${PLATFORM}: ${detail}`, retryAfterMs: SIX_HOURS_MS };
    case 'CLICK_CONVERSION_ALREADY_EXISTS':
    case 'ORDER_ID_ALREADY_IN_USE':
      return { status: 'delivered', warnings: [`${PLATFORM} already has this conversion (${value})`] };
    case 'CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE':
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM}: ${detail}; this account must use the Data Manager API (options.api 'data_manager')`,
      };
    case 'OAUTH_TOKEN_EXPIRED':
    case 'OAUTH_TOKEN_INVALID':
    case 'OAUTH_TOKEN_REVOKED':
      return { status: 'auth', kind: 'refresh', reason: `${PLATFORM}: ${detail}` };
    case 'RESOURCE_EXHAUSTED':
    case 'RESOURCE_TEMPORARILY_EXHAUSTED':
    case 'INTERNAL_ERROR':
    case 'TRANSIENT_ERROR':
    case 'DEADLINE_EXCEEDED':
      return { status: 'retryable', reason: `${PLATFORM}: ${detail}` };
    default:
      if (kind === 'authenticationError' || kind === 'authorizationError') {
        return { status: 'auth', kind: 'needs-attention', reason: `${PLATFORM}: ${detail}` };
      }
      return undefined;
  }
}
