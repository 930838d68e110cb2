import { type ErrorTable, excerpt } from '@relay/core';

/**
 * Taboola answers whose outcome differs from core's default for the HTTP status. The S2S
 * endpoints take no credentials, so there is no token to refresh: 401 and 403 need a person (a
 * wrong or network-restricted account id, or a blocked sender). Taboola documents no other error
 * codes for the bulk endpoint (it does not validate bulk conversions); a 400 is rejected with the
 * body's text by the default table.
 */
export const taboolaErrors: ErrorTable = {
  read: (response) => ({ message: excerpt(response.body, 300) || `HTTP ${response.status}` }),
  rows: [401, 403].map((status) => ({
    status,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: `refused the request (${status}); check account_id and that the account has S2S tracking set up`,
    example: { status, body: status === 401 ? 'Unauthorized' : 'Forbidden' },
  })),
};
