import type { Outcome } from '@relay/core';

const PLATFORM = 'Outbrain S2S';

/**
 * Outbrain answers whose outcome differs from core's default for the HTTP status (`undefined`
 * when the default applies). The S2S call takes no credentials, so there is no token to refresh:
 * 401 and 403 need a person (a blocked sender or a changed endpoint). Outbrain documents no error
 * codes for S2S conversions; a 400 is rejected with the body's text by the default table.
 */
export function outcomeForOutbrainError(status: number, detail: string): Outcome | undefined {
  switch (status) {
    case 401:
    case 403:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the request (${status}); the S2S call takes no credentials, so check the sender and the endpoint: ${detail}`,
      };
    default:
      return undefined;
  }
}
