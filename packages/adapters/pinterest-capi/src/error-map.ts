import type { Outcome } from '@relay/core';

/** Pinterest's error body (`Error` / `DetailedError` in the v5 spec). */
export interface PinterestError {
  code?: number;
  message?: string;
  details?: unknown;
}

const PLATFORM = 'Pinterest Conversions API';

/** Codes from the v5 spec's `events/create` responses. */
export const PINTEREST_ERROR_CODES = {
  AUTHENTICATION_FAILED: 2,
  RATE_LIMITED: 8,
  NOT_PERMITTED: 29,
  INVALID_REQUEST: 4196,
  ENDPOINT_RAMPED_DOWN: 4197,
} as const;

export function describePinterestError(error: PinterestError): string {
  const message = error.message?.replace(/\s+/g, ' ').trim() || 'no message';
  return error.code === undefined ? message : `${message} (code ${error.code})`;
}

/**
 * Pinterest error codes (and the 401 that carries no code) that override the default outcome
 * of the HTTP status. `undefined` when neither the code nor the status is in the table. Each
 * row has a parse test.
 */
export function outcomeForPinterestError(status: number, error: PinterestError): Outcome | undefined {
  const detail = describePinterestError(error);
  switch (error.code) {
    case PINTEREST_ERROR_CODES.RATE_LIMITED:
      return {
        status: 'retryable',
        reason: `${PLATFORM} rate limit (5,000 calls/min per ad account): ${detail}`,
      };
    case PINTEREST_ERROR_CODES.ENDPOINT_RAMPED_DOWN:
      return { status: 'retryable', reason: `${PLATFORM} endpoint is ramped down for now: ${detail}` };
    case PINTEREST_ERROR_CODES.AUTHENTICATION_FAILED:
      return needsNewToken(detail);
    case PINTEREST_ERROR_CODES.NOT_PERMITTED:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM}: the token's user has no Admin, Analyst, Audience or Campaign role on this ad account: ${detail}`,
      };
    case PINTEREST_ERROR_CODES.INVALID_REQUEST:
      return {
        status: 'rejected',
        code: 'invalid_request',
        reason: `${PLATFORM} rejected the request: ${detail}`,
      };
  }
  // Conversion tokens have no refresh flow: any 401 needs a person to generate a new token.
  if (status === 401) return needsNewToken(detail);
  return undefined;
}

function needsNewToken(detail: string): Outcome {
  return {
    status: 'auth',
    kind: 'needs-attention',
    reason: `${PLATFORM} conversion token is invalid or revoked; generate a new one in Ads Manager: ${detail}`,
  };
}
