import { type Outcome, parseRetryAfter } from '@relay/core';

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

const PLATFORM = 'Braze';

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

/**
 * Whole-request answers that override core's default table. A REST API key has no refresh flow:
 * 401 and 403 need a person. 400 is a fatal error for the request (nothing processed).
 */
export function outcomeForBrazeError(status: number, body: BrazeBody): Outcome | undefined {
  const detail =
    [body.message, ...(body.errors ?? []).map((e) => e.type)].filter(Boolean).join('; ') || `HTTP ${status}`;
  switch (status) {
    case 400:
      return {
        status: 'rejected',
        code: 'bad_request',
        reason: `${PLATFORM} rejected the request: ${detail}`,
      };
    case 401:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} refused the REST API key (wrong key or instance): ${detail}`,
      };
    case 403:
      return {
        status: 'auth',
        kind: 'needs-attention',
        reason: `${PLATFORM} REST API key lacks the users.track permission: ${detail}`,
      };
    case 429:
      return {
        status: 'retryable',
        reason: `${PLATFORM} rate limit (3,000 requests per 3 s per workspace): ${detail}`,
      };
  }
  return undefined;
}
