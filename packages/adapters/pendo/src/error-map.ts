import type { Outcome } from '@relay/core';

const PLATFORM = 'Pendo';

/**
 * Pendo documents only `200: Track event was sent as requested` for `/data/track` and publishes no
 * error codes, so the table is keyed by HTTP status. One row overrides core's default: a 401 means
 * the Track Event shared secret is wrong or was regenerated, and the secret has no refresh flow,
 * so a person must paste the current one (core's default would ask for a token refresh). Every
 * other status follows core's table (403 needs attention, 408/429/5xx retry, other 4xx rejected).
 * Each row has a parse test.
 */
export function outcomeForPendoError(status: number, detail: string): Outcome | undefined {
  if (status === 401) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the Track Event shared secret (401); copy the current one from the app's settings: ${detail}`,
    };
  }
  return undefined;
}
