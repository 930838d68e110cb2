import type { Outcome } from '@relay/core';

const PLATFORM = 'Taboola S2S Conversions';

/**
 * Taboola answers whose outcome differs from core's default for the HTTP status (`undefined` when
 * the default applies). The S2S endpoints take no credentials, so there is no token to refresh:
 * 401 and 403 need a person (a wrong or network-restricted account id, or a blocked sender).
 * Taboola documents no other error codes for the bulk endpoint (it does not validate bulk
 * conversions); a 400 is rejected with the body's text by the default table.
 */
export function outcomeForTaboolaError(status: number, detail: string): Outcome | undefined {
  switch (status) {
    case 401:
    case 403:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the request (${status}); check account_id and that the account has S2S tracking set up: ${detail}`,
      };
    default:
      return undefined;
  }
}
