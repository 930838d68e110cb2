import { type Outcome, type RetryPolicy, decideRetry } from '@relay/core';
import type { Completion } from '../db/deliveries';

export interface DeliveryState {
  id: bigint;
  attempts: number;
  firstAttemptAt: Date;
  occurredAt: Date;
  maxEventAgeMs?: number;
  /** The destination is a stored credential that can be paused (not an sGTM config). */
  pausable?: boolean;
}

/** The reason a paused delivery carries. */
export const pausedReason = (reason: string) => `credential paused (needs attention): ${reason}`;

/**
 * Pure: a delivery whose credential is paused waits (`paused`, its attempt given back) unless its
 * event would be past the platform's event-age limit by now: then it fails with that reason.
 */
export function pausedCompletion(
  delivery: Pick<DeliveryState, 'id' | 'occurredAt' | 'maxEventAgeMs'>,
  reason: string,
  now: Date,
): Completion {
  const { id, occurredAt, maxEventAgeMs } = delivery;
  if (maxEventAgeMs !== undefined && now.getTime() - occurredAt.getTime() > maxEventAgeMs) {
    const hours = Math.round(maxEventAgeMs / 3_600_000);
    return {
      id,
      status: 'failed',
      reason:
        `event older than the platform's ${hours} h limit while its credential was paused: ${reason}`.slice(
          0,
          2000,
        ),
    };
  }
  return { id, status: 'paused', reason: pausedReason(reason).slice(0, 2000), refundAttempt: true };
}

/**
 * Pure: what a delivery becomes after one outcome. Delivered, skipped and suppressed are final; a
 * platform's rejection fails at once with its reason; retryable and auth outcomes retry at the
 * backoff or Retry-After time until both the attempts and the retry window are used up (or the
 * platform's event-age limit would pass), then fail with the last reason. A credential the
 * platform refuses (`auth` needs-attention) pauses a pausable destination instead of retrying.
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
      if (outcome.kind === 'needs-attention' && delivery.pausable) {
        return {
          ...pausedCompletion(delivery, outcome.reason, now),
          platformEventName: base.platformEventName,
        };
      }
      // A refresh failure (or an sGTM destination) retries.
      return retryOrFail({
        status: 'retryable',
        reason: `${outcome.kind === 'refresh' ? 'auth refresh failed' : 'credential needs attention'}: ${outcome.reason}`,
      });
    case 'retryable':
      return retryOrFail(outcome);
  }

  function retryOrFail(retryable: Extract<Outcome, { status: 'retryable' }>): Completion {
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
