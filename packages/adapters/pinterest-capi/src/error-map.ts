import { type ErrorRow, type ErrorTable, type PlatformErrorInfo, objectOf } from '@relay/core';

/** Pinterest's error body (`Error` / `DetailedError` in the v5 spec). */
export interface PinterestError {
  code?: number;
  message?: string;
  details?: unknown;
}

/** Codes from the v5 spec's `events/create` responses. */
export const PINTEREST_ERROR_CODES = {
  AUTHENTICATION_FAILED: 2,
  RATE_LIMITED: 8,
  NOT_PERMITTED: 29,
  NOT_ALL_PROCESSED: 4195,
  INVALID_REQUEST: 4196,
  ENDPOINT_RAMPED_DOWN: 4197,
} as const;

export function describePinterestError(error: PinterestError): string {
  const message = error.message?.replace(/\s+/g, ' ').trim() || 'no message';
  return error.code === undefined ? message : `${message} (code ${error.code})`;
}

const example = (status: number, code: number, message: string) => ({ status, body: { code, message } });

const rows: ErrorRow[] = [
  {
    code: PINTEREST_ERROR_CODES.RATE_LIMITED,
    outcome: { status: 'retryable' },
    reason: 'rate limit (5,000 calls/min per ad account)',
    example: example(429, 8, 'This request exceeded a rate limit.'),
  },
  {
    code: PINTEREST_ERROR_CODES.ENDPOINT_RAMPED_DOWN,
    outcome: { status: 'retryable' },
    reason: 'endpoint is ramped down for now',
    example: example(503, 4197, 'The endpoint has been ramped down.'),
  },
  {
    // Conversion tokens have no refresh flow: any 401 (code 2 or none) needs a person.
    code: PINTEREST_ERROR_CODES.AUTHENTICATION_FAILED,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'conversion token is invalid or revoked; generate a new one in Ads Manager',
    example: example(401, 2, 'Authentication failed.'),
  },
  {
    code: PINTEREST_ERROR_CODES.NOT_PERMITTED,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: "says the token's user has no Admin, Analyst, Audience or Campaign role on this ad account",
    example: example(403, 29, 'You are not permitted to access that resource.'),
  },
  {
    code: PINTEREST_ERROR_CODES.INVALID_REQUEST,
    outcome: { status: 'rejected', code: 'invalid_request' },
    reason: 'rejected the request',
    example: example(400, 4196, 'The request was invalid.'),
  },
  {
    status: 401,
    outcome: { status: 'auth', kind: 'needs-attention' },
    reason: 'conversion token is invalid or revoked; generate a new one in Ads Manager',
    example: { status: 401, body: {} },
  },
  {
    // A 422 without per-event statuses (with them, parse-response reads each event's).
    status: 422,
    outcome: { status: 'rejected', code: 'not_all_processed' },
    reason: 'did not process all events',
    example: example(422, 4195, 'Not all events were processed.'),
  },
];

/**
 * Pinterest's error answers (v5 spec `events/create` responses), first match wins; other
 * answers fall back to the HTTP status. The conformance kit parses each row's example.
 */
export const pinterestErrors: ErrorTable = {
  read: (response): PlatformErrorInfo | undefined => {
    const body = objectOf(response.json) as PinterestError;
    const error: PinterestError = {};
    if (typeof body.code === 'number') error.code = body.code;
    if (typeof body.message === 'string') error.message = body.message;
    const info: PlatformErrorInfo = { message: describePinterestError(error) };
    if (error.code !== undefined) info.code = error.code;
    return info;
  },
  rows,
};
