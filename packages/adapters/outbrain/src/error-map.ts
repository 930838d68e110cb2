import { type ErrorTable, excerpt } from '@relay/core';

/**
 * Outbrain answers whose outcome differs from core's default for the HTTP status. The S2S call
 * takes no credentials, so there is no token to refresh: 401 and 403 need a person (a blocked
 * sender or a changed endpoint). Outbrain documents no error codes for S2S conversions; a 400 is
 * rejected with the body's text by the default table.
 */
export const outbrainErrors: ErrorTable = {
  read: (response) => ({ message: excerpt(response.body, 300) || `HTTP ${response.status}` }),
  rows: [401, 403].map((status) => ({
    status,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: `refused the request (${status}); the S2S call takes no credentials, so check the sender and the endpoint`,
    example: { status, body: status === 401 ? 'Unauthorized' : 'Forbidden' },
  })),
};
