import { type ErrorTable, excerpt } from '@relay/core';

/**
 * Pendo documents only `200: Track event was sent as requested` for `/data/track` and publishes no
 * error codes, so the table is keyed by HTTP status. One row overrides core's default: a 401 means
 * the Track Event shared secret is wrong or was regenerated, and the secret has no refresh flow,
 * so a person must paste the current one (core's default would ask for a token refresh). Every
 * other status follows core's table (403 needs attention, 408/429/5xx retry, other 4xx rejected).
 */
export const pendoErrors: ErrorTable = {
  read: (response) => ({ message: excerpt(response.body, 300) || `HTTP ${response.status}` }),
  rows: [
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: "refused the Track Event shared secret (401); copy the current one from the app's settings",
      scope: 'request',
      example: { status: 401, body: 'Unauthorized' },
    },
  ],
};
