import { type Outcome, type RetryPolicy, decideRetry } from '@relay/core';
import type { Completion } from '../db/deliveries';

export interface DeliveryState {
  id: bigint;
  attempts: number;
  firstAttemptAt: Date;
  occurredAt: Date;
  maxEventAgeMs?: number;
}

/**
 * Pure: what a delivery becomes after one outcome. Delivered, skipped and suppressed are final; a
 * platform's rejection fails at once with its reason; retryable and auth outcomes retry at the
 * backoff or Retry-After time until both the attempts and the retry window are used up (or the
 * platform's event-age limit would pass), then fail with the last reason.
 */
export function completionFor(
  outcome: Outcome,
  delivery: DeliveryState,
  policy: RetryPolicy,
  now: Date,
  platformEventName?: string,
  random?: number,
): Completion {
  const base = { id: delivery.id, platformEventName: platformEventName ?? null };
  switch (outcome.status) {
    case 'delivered':
      return {
        ...base,
        status: 'delivered',
        reason: outcome.warnings?.length ? outcome.warnings.join('; ') : null,
      };
    case 'skipped':
      return { ...base, status: 'skipped', reason: outcome.reason };
    case 'suppressed':
      // A privacy policy's decision: final, not a failure (never alerted on or replayed).
      return { ...base, status: 'suppressed', reason: outcome.reason };
    case 'rejected':
      return { ...base, status: 'failed', reason: `${outcome.code}: ${outcome.reason}` };
    case 'auth':
    case 'retryable': {
      const retryable =
        outcome.status === 'retryable'
          ? outcome
          : {
              status: 'retryable' as const,
              reason: `${outcome.kind === 'refresh' ? 'auth refresh failed' : 'credential needs attention'}: ${outcome.reason}`,
            };
      const state: Parameters<typeof decideRetry>[1] = {
        attempts: delivery.attempts,
        firstAttemptAt: delivery.firstAttemptAt,
        occurredAt: delivery.occurredAt,
      };
      if (delivery.maxEventAgeMs !== undefined) state.maxEventAgeMs = delivery.maxEventAgeMs;
      const decision = decideRetry(retryable, state, policy, now, random);
      return decision.action === 'retry'
        ? { ...base, status: 'pending', reason: decision.reason, nextAttemptAt: decision.at }
        : { ...base, status: 'failed', reason: decision.reason };
    }
  }
}
