import type { Outcome } from '@relay/core';

const PLATFORM = 'Spotify Conversions API';

/**
 * Spotify publishes no error codes or error body for the direct Conversions API; its guide says
 * a 4xx is a payload or auth problem not to retry unchanged, a 5xx is transient. The table is
 * keyed by HTTP status and has one row that overrides core's default: a 401 means the CAPI token
 * is wrong, revoked or belongs to another connection, and CAPI tokens have no refresh flow, so a
 * person must generate a new one (core's default would ask for a refresh). Every other status
 * follows core's table. Each row has a parse test.
 */
export function outcomeForSpotifyError(status: number, detail: string): Outcome | undefined {
  if (status === 401) {
    return {
      status: 'auth',
      kind: 'needs-attention',
      reason: `${PLATFORM} refused the CAPI access token (401); generate a new one for this connection in Ads Manager: ${detail}`,
    };
  }
  return undefined;
}
