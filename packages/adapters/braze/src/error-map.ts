import { type ErrorRow, type ErrorTable, parseRetryAfter } from '@relay/core';

/** One item of Braze's `errors` array (`/users/track`). */
export interface BrazeError {
  type?: string;
  input_array?: string;
  index?: number;
}

/** Braze's answer body. */
export interface BrazeBody {
  message?: string;
  errors?: BrazeError[];
  events_processed?: number;
}

/**
 * How long to wait after a 429: `Retry-After` when sent, else Braze's `X-RateLimit-Reset`
 * (Unix seconds when the window resets).
 */
export function retryAfterOf(headers: Record<string, string>, now: Date): number | undefined {
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(headers['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now.getTime()) : undefined;
}

const example = (status: number, message: string): ErrorRow['example'] => ({ status, body: { message } });

/**
 * Whole-request answers that override core's default table
 * (braze.com/docs/api/errors/#fatal-errors), by status. A REST API key has no refresh flow: 401
 * and 403 need a person. 400 is a fatal error for the request (nothing processed).
 */
export const brazeErrors: ErrorTable = {
  read: (response) => {
    const body = (
      typeof response.json === 'object' && response.json !== null ? response.json : {}
    ) as BrazeBody;
    const message =
      [body.message, ...(Array.isArray(body.errors) ? body.errors : []).map((e) => e.type)]
        .filter(Boolean)
        .join('; ') || `HTTP ${response.status}`;
    return { message };
  },
  rows: [
    {
      status: 400,
      outcome: { status: 'rejected', code: 'bad_request' },
      reason: 'rejected the request',
      scope: 'request',
      example: example(400, "Received unparseable response body: 'events' must be an array"),
    },
    {
      status: 401,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'refused the REST API key (wrong key or instance)',
      scope: 'request',
      example: example(401, 'Invalid API key: 0a1b…'),
    },
    {
      status: 403,
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'REST API key lacks the users.track permission',
      scope: 'request',
      example: example(403, 'The API key does not have the users.track permission'),
    },
    {
      status: 429,
      outcome: { status: 'retryable' },
      reason: 'rate limit (3,000 requests per 3 s per workspace)',
      example: example(429, 'Rate limit exceeded'),
    },
  ],
};
