import type { Outcome } from '@relay/core';

const PLATFORM = 'Kochava';

/** Kochava's error text from an answer body (`error`, `message` or `msg`), if any. */
export function kochavaMessage(body: Record<string, unknown>): string | undefined {
  for (const key of ['error', 'message', 'msg']) {
    const value = body[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/**
 * Kochava answers whose outcome differs from core's default for the HTTP status (`undefined` when
 * the default applies):
 * - a 2xx whose body says `success: "0"` (or `false`): the event was not recorded, rejected
 *   `kochava_error` with Kochava's message;
 * - 401/403: auth needs-attention. The endpoint takes no credential, so there is nothing to refresh:
 *   check `kochava_app_id`.
 */
export function outcomeForKochavaError(status: number, body: Record<string, unknown>): Outcome | undefined {
  const detail = kochavaMessage(body) ?? `HTTP ${status}`;
  if (status >= 200 && status < 300) {
    const success = body['success'];
    if (success === '0' || success === 0 || success === false) {
      return {
        status: 'rejected',
        code: 'kochava_error',
        reason: `${PLATFORM} did not record the event: ${detail}`,
      };
    }
    return undefined;
  }
  if (status === 401 || status === 403) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the request (${status}); check kochava_app_id: ${detail}`,
    };
  }
  return undefined;
}
