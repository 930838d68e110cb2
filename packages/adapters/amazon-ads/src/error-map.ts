import type { Outcome } from '@relay/core';

/** An `Error` of the Events API: a whole-request error body, or one item of `errors` in a 207. */
export interface AmazonError {
  /** `ErrorCode` of the Amazon Ads API v1 (`FIELD_VALUE_IS_INVALID`, `TOO_MANY_REQUESTS`, …). */
  code?: string;
  /** Where in the event the problem is (`events[0].matchKeys`), on per-event errors. */
  fieldLocation?: string;
  message?: string;
}

const PLATFORM = 'Amazon Ads Conversions API';

/** `ErrorCode` values that decide the outcome whatever the HTTP status says. */
export const AMAZON_ERROR_CODES = {
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  CONFLICT: 'CONFLICT',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  CONTENT_TOO_LARGE: 'CONTENT_TOO_LARGE',
} as const;

/** `fieldLocation: message (CODE)`, whichever parts there are. */
export function describeAmazonError(error: AmazonError): string {
  const message = error.message?.replace(/\s+/g, ' ').trim() || 'no message';
  const located = error.fieldLocation ? `${error.fieldLocation}: ${message}` : message;
  return error.code ? `${located} (${error.code})` : located;
}

/**
 * The outcome an Amazon error code decides, or `undefined` when the code is not in the table
 * (the HTTP status, or for a per-event error a rejection, applies). Each row has a parse test.
 */
export function outcomeForAmazonError(error: AmazonError): Outcome | undefined {
  const detail = describeAmazonError(error);
  switch (error.code) {
    case AMAZON_ERROR_CODES.TOO_MANY_REQUESTS:
      return { status: 'retryable', reason: `${PLATFORM} is throttling the calls: ${detail}` };
    case AMAZON_ERROR_CODES.INTERNAL_ERROR:
      return { status: 'retryable', reason: `${PLATFORM} had an internal error: ${detail}` };
    case AMAZON_ERROR_CODES.CONFLICT:
      return { status: 'retryable', reason: `${PLATFORM} reported a conflict, to be retried: ${detail}` };
    case AMAZON_ERROR_CODES.UNAUTHORIZED:
      return {
        status: 'auth',
        kind: 'refresh',
        reason: `${PLATFORM} did not accept the access token: ${detail}`,
      };
    case AMAZON_ERROR_CODES.FORBIDDEN:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM}: the refresh token's user lacks the Events Manager permission (event_manager_edit) on this advertiser account, or the account id is wrong: ${detail}`,
      };
    case AMAZON_ERROR_CODES.CONTENT_TOO_LARGE:
      return {
        status: 'rejected',
        code: 'content_too_large',
        reason: `${PLATFORM} refused the request as too large: ${detail}`,
      };
  }
  return undefined;
}
