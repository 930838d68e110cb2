import type { Outcome } from '@relay/core';

const PLATFORM = 'Reddit Conversions API';

/** Reddit's error body: v3 `{error: {code, message, fields}}`; older answers use `reason` + `explanation`. */
export interface RedditError {
  code?: number;
  message?: string;
  reason?: string;
  explanation?: string;
  fields?: Array<{ field?: string; message?: string }>;
}

/** The error's text: message, else explanation, else reason. */
export function describeRedditError(error: RedditError): string {
  const text = error.message ?? error.explanation ?? error.reason;
  return text?.replace(/\s+/g, ' ').trim() || 'no message';
}

/** Reddit's answer when any event of a batch is invalid: "There were N invalid conversion events. None were processed." */
export const INVALID_EVENTS_MESSAGE = /invalid conversion events/i;

/**
 * Reddit answers whose outcome differs from core's default for the HTTP status. `undefined`
 * when the default applies. Each row has a parse test.
 */
export function outcomeForRedditError(status: number, error: RedditError): Outcome | undefined {
  const detail = describeRedditError(error);
  switch (status) {
    case 400:
      if (INVALID_EVENTS_MESSAGE.test(detail)) {
        return {
          status: 'rejected',
          code: 'invalid_events',
          reason: `${PLATFORM} refused the batch (no event was processed): ${detail}`,
        };
      }
      return undefined;
    case 401:
      // "No bearer token provided" / "UNAUTHORIZED". Conversion access tokens do not expire and
      // have no refresh flow: a 401 means the token was deleted or mistyped.
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} conversion access token is invalid or was deleted; generate a new one in Events Manager → Conversions API: ${detail}`,
      };
    case 403:
      // "You're not authorized to post conversions to Pixel ID …" / "Missing adsconversions scope …".
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM}: the token may not post conversions to this pixel (check pixel_id and that the token belongs to its business): ${detail}`,
      };
    case 404:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} found no such pixel; check pixel_id: ${detail}`,
      };
    default:
      return undefined;
  }
}
