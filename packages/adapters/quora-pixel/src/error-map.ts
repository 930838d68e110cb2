import type { Outcome } from '@relay/core';

const PLATFORM = 'Quora Conversion API';

/**
 * Quora answers whose outcome differs from core's default for the HTTP status (`undefined`
 * when the default applies). Each row has a parse test.
 */
export function outcomeForQuoraError(status: number, detail: string): Outcome | undefined {
  switch (status) {
    case 401:
      // Conversion API tokens are generated in Ads Manager and have no refresh flow.
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} token is invalid or revoked; generate a new one in Quora Ads Manager → Conversion API: ${detail}`,
      };
    case 403:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM}: the token may not send conversions for this account (check account_id): ${detail}`,
      };
    default:
      return undefined;
  }
}

/** One item of the multi-status `events` array of a 200 answer. */
export interface QuoraEventStatus {
  status?: string;
  index?: number;
  error_code?: string;
  error_message?: string;
}

/** Outcome of an event Quora reports as not `OK` in a 200 multi-status answer. */
export function outcomeForQuoraEventError(result: QuoraEventStatus): Outcome {
  const message = result.error_message?.trim() || 'no error message';
  const code = result.error_code ? ` (${result.error_code})` : '';
  return {
    status: 'rejected',
    code: 'event_error',
    reason: `${PLATFORM} rejected the event: ${message}${code}`,
  };
}
