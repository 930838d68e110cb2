import type { HttpResponse, Outcome } from './adapter';

/** Statuses that are worth retrying: 408, 409, 423, 429 and 5xx except 501. */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 409 || status === 423 || status === 429) return true;
  return status >= 500 && status !== 501;
}

/** Socket-level failures that are worth retrying. */
export const RETRYABLE_SOCKET_ERRORS: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * `Retry-After` as milliseconds: delta-seconds or an HTTP-date. `undefined` when absent or
 * unparseable; never negative.
 */
export function parseRetryAfter(
  value: string | undefined | null,
  now: Date = new Date(),
): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** A short, single-line excerpt of a response body for reasons and audits. */
export function excerpt(body: string, max = 500): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/**
 * The default outcome for an HTTP status: 2xx delivered; 401/403 auth; 408/409/423/429/5xx
 * (except 501) retryable with Retry-After; other statuses rejected with the body's excerpt.
 */
export function outcomeFromStatus(
  response: HttpResponse,
  platform: string,
  now: Date = new Date(),
  reason?: string,
): Outcome {
  const { status } = response;
  const detail = reason ?? (excerpt(response.body, 300) || `HTTP ${status}`);
  if (status >= 200 && status < 300) return { status: 'delivered' };
  if (status === 401)
    return {
      status: 'auth',
      kind: 'refresh',
      reason: `${platform} rejected the credentials (401): ${detail}`,
    };
  if (status === 403) {
    return { status: 'auth', kind: 'needs-attention', reason: `${platform} denied access (403): ${detail}` };
  }
  if (isRetryableStatus(status)) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    const outcome: Outcome = { status: 'retryable', reason: `${platform} answered ${status}: ${detail}` };
    if (retryAfterMs !== undefined) outcome.retryAfterMs = retryAfterMs;
    return outcome;
  }
  return {
    status: 'rejected',
    code: `http_${status}`,
    reason: `${platform} rejected the request (${status}): ${detail}`,
  };
}

/**
 * A retryable outcome with the answer's Retry-After, when the outcome names no wait of its own:
 * the platform's header wins over an error table's silence (`deliver()` applies it to every
 * outcome an adapter gives).
 */
export function withRetryAfter(outcome: Outcome, response: HttpResponse, now: Date): Outcome {
  if (outcome.status !== 'retryable' || outcome.retryAfterMs !== undefined) return outcome;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
  return retryAfterMs === undefined ? outcome : { ...outcome, retryAfterMs };
}

/** The same outcome for each of `count` events. */
export function sameOutcome(outcome: Outcome, count: number): Outcome[] {
  return Array.from({ length: count }, () => outcome);
}

/** Outcome for a socket error or timeout. */
export function outcomeFromNetworkError(error: unknown, platform: string): Outcome {
  const code = networkErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'TIMEOUT') return { status: 'retryable', reason: `${platform} did not answer in time` };
  if (code && RETRYABLE_SOCKET_ERRORS.has(code))
    return { status: 'retryable', reason: `${platform}: ${code} ${message}` };
  return { status: 'retryable', reason: `${platform}: network error ${code ?? ''} ${message}`.trim() };
}

/** The error code of a fetch failure (`ECONNRESET`, `UND_ERR_SOCKET`, `TIMEOUT`…). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current === 'object' && current !== null) {
      const e = current as { name?: string; code?: string; cause?: unknown };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'TIMEOUT';
      if (typeof e.code === 'string') return e.code;
      current = e.cause;
    } else break;
  }
  return undefined;
}

/** Parse JSON without throwing. */
export function safeJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
