import { type ErrorTable, excerpt, objectOf } from '@relay/core';

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

const S2S_KEY_REFUSED =
  "set s2s_key to the S2S token of AppsFlyer's Security center (a dev key is refused by api3) and check app_id";

/**
 * AppsFlyer answers whose outcome differs from core's default for the HTTP status; anything else
 * is core's, with AppsFlyer's message:
 * - 400 "Failed to Authenticate" / "app_id doesn't match the authentication token": auth
 *   needs-attention (the credential is wrong, not the event).
 * - 401/403: auth needs-attention. The S2S key is a fixed token (nothing to refresh); API 3 takes
 *   the S2S key of the Security center, not the app's dev key (which only the legacy api2 host takes).
 */
export const appsflyerErrors: ErrorTable = {
  read: (response) => ({
    message:
      appsflyerMessage(objectOf(response.json)) ?? (excerpt(response.body, 300) || `HTTP ${response.status}`),
  }),
  rows: [
    {
      status: 400,
      when: (error) => CREDENTIAL_ERRORS.some((pattern) => pattern.test(error.message)),
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason:
        "refused the credential (400); set s2s_key to the S2S token of AppsFlyer's Security center and app_id to the app it belongs to",
      scope: 'request',
      example: { status: 400, body: 'Failed to Authenticate' },
    },
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: `refused the S2S key (401); ${S2S_KEY_REFUSED}`,
      scope: 'request',
      example: { status: 401, body: 'Unauthorized' },
    },
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: `refused the S2S key (403); ${S2S_KEY_REFUSED}`,
      scope: 'request',
      example: { status: 403, body: 'Forbidden' },
    },
  ],
};
