import { type ErrorTable, excerpt } from '@relay/core';

/**
 * Spotify publishes no error codes or error body for the direct Conversions API; its guide says
 * a 4xx is a payload or auth problem not to retry unchanged, a 5xx is transient. The table is
 * keyed by HTTP status and has one row that overrides core's default: a 401 means the CAPI token
 * is wrong, revoked or belongs to another connection, and CAPI tokens have no refresh flow, so a
 * person must generate a new one (core's default would ask for a refresh). Every other status
 * follows core's table with the body's excerpt, which carries Spotify's trace id when it sends one.
 */
export const spotifyErrors: ErrorTable = {
  read: (response) => ({ message: excerpt(response.body, 300) || `HTTP ${response.status}` }),
  rows: [
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the CAPI access token (401); generate a new one for this connection in Ads Manager',
      example: { status: 401, body: 'Unauthorized' },
    },
  ],
};
