import type { Outcome } from './adapter';

/**
 * When to try a delivery again, and when to give up (docs/delivery.md):
 * exponential backoff with full jitter, capped; the platform's Retry-After wins; give up only
 * when BOTH `maxAttempts` attempts were made AND `retryWindowMs` has passed since the first
 * attempt — so an hour-long outage loses nothing — and never retry past the platform's own
 * event-age limit.
 */
export interface RetryPolicy {
  /** Attempts before giving up is allowed (MAX_RETRY_ATTEMPTS, default 5). */
  maxAttempts: number;
  /** Time since the first attempt before giving up is allowed (RETRY_WINDOW, default 4 h). */
  retryWindowMs: number;
  /** First backoff step (default 10 s). */
  baseDelayMs: number;
  /** Longest backoff (default 5 min). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  retryWindowMs: 4 * 60 * 60 * 1000,
  baseDelayMs: 10_000,
  maxDelayMs: 5 * 60 * 1000,
};

/**
 * Backoff before attempt `attempt + 1`, after `attempt` failed attempts (1-based):
 * `base * 2^(attempt-1)`, capped, with jitter in [50 %, 100 %] of that (`random` in [0, 1)).
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: number = Math.random()): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random);
}

export interface RetryState {
  /** Attempts made so far, including the one that just failed. */
  attempts: number;
  firstAttemptAt: Date;
  /** When the event happened (bounds retries by the platform's event-age window). */
  occurredAt: Date;
  /** The platform's event-age limit, if it has one. */
  maxEventAgeMs?: number;
}

export type RetryDecision =
  | { action: 'retry'; at: Date; reason: string }
  | { action: 'fail'; reason: string };

/** Decide what happens after a `retryable` outcome. */
export function decideRetry(
  outcome: Extract<Outcome, { status: 'retryable' }>,
  state: RetryState,
  policy: RetryPolicy,
  now: Date,
  random: number = Math.random(),
): RetryDecision {
  const delay = outcome.retryAfterMs ?? backoffDelayMs(state.attempts, policy, random);
  const at = new Date(now.getTime() + delay);
  if (state.maxEventAgeMs !== undefined && at.getTime() - state.occurredAt.getTime() > state.maxEventAgeMs) {
    return {
      action: 'fail',
      reason: `${outcome.reason}; giving up: the next attempt would be past the platform's event-age limit`,
    };
  }
  const windowPassed = now.getTime() - state.firstAttemptAt.getTime() >= policy.retryWindowMs;
  if (state.attempts >= policy.maxAttempts && windowPassed) {
    return {
      action: 'fail',
      reason: `${outcome.reason}; giving up after ${state.attempts} attempts over ${Math.round(
        (now.getTime() - state.firstAttemptAt.getTime()) / 60_000,
      )} min`,
    };
  }
  return { action: 'retry', at, reason: outcome.reason };
}
