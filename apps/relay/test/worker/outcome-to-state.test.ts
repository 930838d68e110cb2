import { DEFAULT_RETRY_POLICY } from '@relay/core';
import { describe, expect, it } from 'vitest';
import { type DeliveryState, completionFor } from '../../src/worker/outcome-to-state';

const now = new Date('2026-01-15T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const first = (attempts: number, firstAttemptAt = now): DeliveryState => ({
  id: 7n,
  attempts,
  firstAttemptAt,
  occurredAt: minutesAgo(5),
});

describe('completionFor: one outcome → the delivery row update', () => {
  it('delivered is final; platform warnings are kept as the reason', () => {
    expect(completionFor({ status: 'delivered' }, first(1), DEFAULT_RETRY_POLICY, now, 'Purchase')).toEqual({
      id: 7n,
      status: 'delivered',
      reason: null,
      platformEventName: 'Purchase',
    });
    expect(
      completionFor(
        { status: 'delivered', warnings: ['em invalid', 'ph dropped'] },
        first(1),
        DEFAULT_RETRY_POLICY,
        now,
      ),
    ).toEqual({ id: 7n, status: 'delivered', reason: 'em invalid; ph dropped', platformEventName: null });
  });

  it('skipped is final with the adapter reason', () => {
    expect(
      completionFor({ status: 'skipped', reason: 'no identifier' }, first(1), DEFAULT_RETRY_POLICY, now),
    ).toEqual({ id: 7n, status: 'skipped', reason: 'no identifier', platformEventName: null });
  });

  it("a rejection fails at once with the platform's code and reason, whatever attempts remain", () => {
    expect(
      completionFor(
        { status: 'rejected', code: 'invalid_parameter', reason: 'Invalid parameter (#100)' },
        first(1),
        DEFAULT_RETRY_POLICY,
        now,
      ),
    ).toEqual({
      id: 7n,
      status: 'failed',
      reason: 'invalid_parameter: Invalid parameter (#100)',
      platformEventName: null,
    });
  });

  it('a retryable outcome goes back to pending at the jittered exponential backoff', () => {
    // attempt 1: 10 s base, jitter in [50 %, 100 %] → random 0 gives 5 s, random 1 gives 10 s
    expect(
      completionFor(
        { status: 'retryable', reason: 'HTTP 500' },
        first(1),
        DEFAULT_RETRY_POLICY,
        now,
        undefined,
        0,
      ),
    ).toEqual({
      id: 7n,
      status: 'pending',
      reason: 'HTTP 500',
      nextAttemptAt: new Date('2026-01-15T12:00:05.000Z'),
      platformEventName: null,
    });
    // attempt 3: 40 s; random 0.5 → 30 s
    expect(
      completionFor(
        { status: 'retryable', reason: 'HTTP 503' },
        first(3),
        DEFAULT_RETRY_POLICY,
        now,
        undefined,
        0.5,
      ).nextAttemptAt,
    ).toEqual(new Date('2026-01-15T12:00:30.000Z'));
    // attempt 10: capped at 5 min; random 1 → 5 min
    expect(
      completionFor(
        { status: 'retryable', reason: 'HTTP 503' },
        first(10, minutesAgo(30)),
        DEFAULT_RETRY_POLICY,
        now,
        undefined,
        1,
      ).nextAttemptAt,
    ).toEqual(new Date('2026-01-15T12:05:00.000Z'));
  });

  it("the platform's Retry-After wins over the backoff", () => {
    expect(
      completionFor(
        { status: 'retryable', reason: 'HTTP 429', retryAfterMs: 120_000 },
        first(1),
        DEFAULT_RETRY_POLICY,
        now,
        undefined,
        0,
      ),
    ).toEqual({
      id: 7n,
      status: 'pending',
      reason: 'HTTP 429',
      nextAttemptAt: new Date('2026-01-15T12:02:00.000Z'),
      platformEventName: null,
    });
  });

  it('gives up only when BOTH the attempts and the retry window are used up', () => {
    const outage = { status: 'retryable' as const, reason: 'HTTP 502' };
    // 5 attempts within one hour of a platform outage: keep retrying.
    expect(
      completionFor(outage, first(5, minutesAgo(60)), DEFAULT_RETRY_POLICY, now, undefined, 0).status,
    ).toBe('pending');
    // 4 h passed but only 2 attempts: keep retrying.
    expect(
      completionFor(outage, first(2, minutesAgo(240)), DEFAULT_RETRY_POLICY, now, undefined, 0).status,
    ).toBe('pending');
    // both: fail with the last reason and the count.
    expect(completionFor(outage, first(5, minutesAgo(240)), DEFAULT_RETRY_POLICY, now, undefined, 0)).toEqual(
      {
        id: 7n,
        status: 'failed',
        reason: 'HTTP 502; giving up after 5 attempts over 240 min',
        platformEventName: null,
      },
    );
  });

  it("fails instead of retrying past the platform's event-age window", () => {
    const state: DeliveryState = {
      id: 7n,
      attempts: 1,
      firstAttemptAt: now,
      occurredAt: new Date(now.getTime() - 72 * 3_600_000 + 2_000),
      maxEventAgeMs: 72 * 3_600_000,
    };
    expect(
      completionFor(
        { status: 'retryable', reason: 'HTTP 500' },
        state,
        DEFAULT_RETRY_POLICY,
        now,
        undefined,
        0,
      ),
    ).toEqual({
      id: 7n,
      status: 'failed',
      reason: "HTTP 500; giving up: the next attempt would be past the platform's event-age limit",
      platformEventName: null,
    });
  });

  it('auth outcomes retry like transient errors, naming what is wrong with the credential', () => {
    expect(
      completionFor(
        { status: 'auth', kind: 'refresh', reason: 'token expired' },
        first(1),
        DEFAULT_RETRY_POLICY,
        now,
        undefined,
        1,
      ),
    ).toEqual({
      id: 7n,
      status: 'pending',
      reason: 'auth refresh failed: token expired',
      nextAttemptAt: new Date('2026-01-15T12:00:10.000Z'),
      platformEventName: null,
    });
    expect(
      completionFor(
        { status: 'auth', kind: 'needs-attention', reason: 'app not authorised' },
        first(5, minutesAgo(300)),
        DEFAULT_RETRY_POLICY,
        now,
        undefined,
        0,
      ),
    ).toEqual({
      id: 7n,
      status: 'failed',
      reason: 'credential needs attention: app not authorised; giving up after 5 attempts over 300 min',
      platformEventName: null,
    });
  });
});
