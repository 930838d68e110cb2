import { type HttpResponse, type Outcome, parseRetryAfter } from '@relay/core';

const PLATFORM = 'Singular';

/**
 * Singular answers whose outcome differs from core's default for the HTTP status (`undefined` when
 * the default applies):
 * - 200 with `{"status": "error", "reason": …}`: the event was refused, rejected `singular_error`;
 * - 401/403: auth needs-attention, check `sdk_key` (no token to refresh);
 * - any other non-200: retryable, as Singular documents ("any other code means you should retry").
 */
export function outcomeForSingularError(
  response: HttpResponse,
  body: Record<string, unknown>,
  now: Date,
): Outcome | undefined {
  const reason =
    typeof body['reason'] === 'string' && body['reason'].trim() ? body['reason'].trim() : undefined;
  const detail = reason ?? `HTTP ${response.status}`;
  if (response.status >= 200 && response.status < 300) {
    if (typeof body['status'] === 'string' && body['status'].toLowerCase() === 'error') {
      return {
        status: 'rejected',
        code: 'singular_error',
        reason: `${PLATFORM} refused the event: ${detail}`,
      };
    }
    return undefined;
  }
  if (response.status === 401 || response.status === 403) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the request (${response.status}); check sdk_key: ${detail}`,
    };
  }
  const outcome: Outcome = {
    status: 'retryable',
    reason: `${PLATFORM} answered ${response.status}: ${detail}`,
  };
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
  if (retryAfterMs !== undefined) outcome.retryAfterMs = retryAfterMs;
  return outcome;
}
