import type { Outcome } from '@relay/core';

const PLATFORM = 'TikTok Events API';

/**
 * TikTok Business API `code`s (the body's `code`, sent with HTTP 200) and their outcomes.
 * `0` and `20001` (partial success) are handled by parse-response. Each row has a parse test.
 */
export function outcomeForTiktokCode(code: number, message: string): Outcome {
  const detail = `${message || 'no message'} (code ${code})`;
  switch (code) {
    case 40100: // too many requests (QPS / daily limit)
      return { status: 'retryable', reason: `${PLATFORM} rate limit: ${detail}` };
    case 40102: // access token expired
    case 40104: // access token empty
    case 40105: // access token incorrect or revoked
      // Events API tokens are generated in Events Manager and have no refresh flow.
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} access token is invalid; generate a new one in Events Manager: ${detail}`,
      };
    case 40001: // no permission for this pixel / advertiser
      return { status: 'auth', kind: 'needs-attention', reason: `${PLATFORM} permission denied: ${detail}` };
    case 40002: // invalid parameters
      return {
        status: 'rejected',
        code: 'invalid_params',
        reason: `${PLATFORM} rejected the batch: ${detail}`,
      };
    case 40700: // retried by peers (rudder-transformer) as a server error
    case 50000: // system error
    case 50002: // service error / timeout
      return { status: 'retryable', reason: `${PLATFORM} server error: ${detail}` };
    default:
      return {
        status: 'rejected',
        code: `tiktok_${code}`,
        reason: `${PLATFORM} rejected the batch: ${detail}`,
      };
  }
}
