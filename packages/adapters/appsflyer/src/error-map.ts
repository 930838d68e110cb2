import type { Outcome } from '@relay/core';

const PLATFORM = 'AppsFlyer';

/** AppsFlyer's error text from an answer body (`message`, `error` or `errors[0]`), if any. */
export function appsflyerMessage(body: Record<string, unknown>): string | undefined {
  for (const key of ['message', 'error']) {
    const value = body[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  const errors = body['errors'];
  if (Array.isArray(errors) && typeof errors[0] === 'string' && errors[0].trim() !== '')
    return errors[0].trim();
  return undefined;
}

/**
 * 400 answers that are about the credential, not the event (AppsFlyer's API 3 reference lists
 * `400 Failed to Authenticate` "Ensure that the authentication key is correct" and `400 app_id`
 * "`app_id` doesn't match the authentication token"): a fixed key cannot refresh itself, so the
 * events wait for an operator instead of being rejected for good.
 */
const CREDENTIAL_ERRORS: ReadonlyArray<RegExp> = [/failed to authenticate/i, /app_?id\b.*doesn'?t match/i];

/**
 * AppsFlyer answers whose outcome differs from core's default for the HTTP status (`undefined`
 * when the default applies):
 * - 400 "Failed to Authenticate" / "app_id doesn't match the authentication token": auth
 *   needs-attention (the credential is wrong, not the event).
 * - 401/403: auth needs-attention. The S2S key is a fixed token (nothing to refresh); API 3 takes
 *   the S2S key of the Security center, not the app's dev key (which only the legacy api2 host takes).
 */
export function outcomeForAppsflyerError(status: number, detail: string): Outcome | undefined {
  if (status === 400 && CREDENTIAL_ERRORS.some((pattern) => pattern.test(detail))) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the credential (400: ${detail}); set s2s_key to the S2S token of AppsFlyer's Security center and app_id to the app it belongs to`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the S2S key (${status}); set s2s_key to the S2S token of AppsFlyer's Security center (a dev key is refused by api3) and check app_id: ${detail}`,
    };
  }
  return undefined;
}
