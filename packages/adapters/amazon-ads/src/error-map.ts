import type { ErrorRow, ErrorTable, PlatformErrorInfo } from '@relay/core';
import { objectOf } from '@relay/core';

/** An `Error` of the Events API: a whole-request error body, or one item of `errors` in a 207. */
export interface AmazonError {
  /** `ErrorCode` of the Amazon Ads API v1 (`FIELD_VALUE_IS_INVALID`, `TOO_MANY_REQUESTS`, …). */
  code?: string;
  /** Where in the event the problem is (`events[0].matchKeys`), on per-event errors. */
  fieldLocation?: string;
  message?: string;
}

/** `fieldLocation: message (CODE)`, whichever parts there are. */
export function describeAmazonError(error: AmazonError): string {
  const message = error.message?.replace(/\s+/g, ' ').trim() || 'no message';
  const located = error.fieldLocation ? `${error.fieldLocation}: ${message}` : message;
  return error.code ? `${located} (${error.code})` : located;
}

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** An Amazon `Error` object read leniently. */
export function amazonErrorOf(value: unknown): AmazonError {
  const body = objectOf(value);
  const error: AmazonError = {};
  const code = textOf(body['code']);
  const fieldLocation = textOf(body['fieldLocation']);
  // Older Amazon Ads APIs put the message in `details`.
  const message = textOf(body['message']) ?? textOf(body['details']);
  if (code !== undefined) error.code = code;
  if (fieldLocation !== undefined) error.fieldLocation = fieldLocation;
  if (message !== undefined) error.message = message;
  return error;
}

/** An Amazon error as the table reads it. */
export function amazonErrorInfo(error: AmazonError): PlatformErrorInfo {
  const info: PlatformErrorInfo = { message: describeAmazonError(error) };
  if (error.code !== undefined) info.code = error.code;
  return info;
}

const example = (status: number, code: string, message: string): ErrorRow['example'] => ({
  status,
  body: { code, message },
});

/**
 * `ErrorCode`s of the Amazon Ads API v1 that decide the outcome whatever the HTTP status says,
 * for the whole request or for one event of a 207; other codes keep the HTTP status (whole
 * request) or reject the event under their own code (parse-response.ts).
 */
const rows: ErrorRow[] = [
  {
    code: 'TOO_MANY_REQUESTS',
    outcome: { status: 'retryable' },
    reason: 'is throttling the calls',
    example: example(429, 'TOO_MANY_REQUESTS', 'Too many requests'),
  },
  {
    code: 'INTERNAL_ERROR',
    outcome: { status: 'retryable' },
    reason: 'had an internal error',
    example: example(500, 'INTERNAL_ERROR', 'Internal error'),
  },
  {
    code: 'CONFLICT',
    outcome: { status: 'retryable' },
    reason: 'reported a conflict, to be retried',
    example: example(409, 'CONFLICT', 'Conflict'),
  },
  {
    code: 'UNAUTHORIZED',
    outcome: { status: 'auth', kind: 'refresh' },
    reason: 'did not accept the access token',
    scope: 'request',
    example: example(401, 'UNAUTHORIZED', 'Unauthorized'),
  },
  {
    code: 'FORBIDDEN',
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason:
      "denied access: the refresh token's user lacks the Events Manager permission (event_manager_edit) on this advertiser account, or the account id is wrong",
    scope: 'request',
    example: example(403, 'FORBIDDEN', 'Not authorized'),
  },
  {
    code: 'CONTENT_TOO_LARGE',
    outcome: { status: 'rejected', code: 'content_too_large' },
    reason: 'refused the request as too large',
    scope: 'request',
    example: example(413, 'CONTENT_TOO_LARGE', 'Too big'),
  },
];

/** Amazon's `{code, message}` error body (the conformance kit walks every row). */
export const amazonErrors: ErrorTable = {
  read: (response) => {
    const error = amazonErrorOf(response.json);
    return error.code === undefined && error.message === undefined ? undefined : amazonErrorInfo(error);
  },
  rows,
};
