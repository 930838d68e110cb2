import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY as policy, backoffDelayMs, decideRetry } from './retry-policy';

const retryable = (retryAfterMs?: number) =>
  retryAfterMs === undefined
    ? { status: 'retryable' as const, reason: 'Meta answered 503' }
    : { status: 'retryable' as const, reason: 'Meta answered 429', retryAfterMs };
const t0 = new Date('2026-01-15T10:00:00Z');
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);

describe('backoffDelayMs', () => {
  it('doubles from 10 s, caps at 5 min, jitters between half and all of it', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelayMs(a, policy, 0.999999))).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
    ]);
    expect([1, 2, 6].map((a) => backoffDelayMs(a, policy, 0))).toEqual([5_000, 10_000, 150_000]);
  });
});

describe('decideRetry', () => {
  const state = { attempts: 1, firstAttemptAt: t0, occurredAt: t0 };

  it('retries after the backoff delay', () => {
    expect(decideRetry(retryable(), state, policy, minutes(0), 0)).toEqual({
      action: 'retry',
      at: new Date(t0.getTime() + 5_000),
      reason: 'Meta answered 503',
    });
  });

  it('lets Retry-After win over the backoff', () => {
    expect(decideRetry(retryable(120_000), state, policy, minutes(0), 0)).toMatchObject({
      action: 'retry',
      at: minutes(2),
    });
  });

  it('keeps retrying after max attempts while the window is open (an hour-long outage loses nothing)', () => {
    const decision = decideRetry(retryable(), { ...state, attempts: 9 }, policy, minutes(60), 0);
    expect(decision.action).toBe('retry');
  });

  it('keeps retrying after the window while attempts remain', () => {
    expect(decideRetry(retryable(), { ...state, attempts: 2 }, policy, minutes(300), 0).action).toBe('retry');
  });

  it('fails once both the attempts and the window are used up', () => {
    expect(decideRetry(retryable(), { ...state, attempts: 5 }, policy, minutes(240), 0)).toEqual({
      action: 'fail',
      reason: 'Meta answered 503; giving up after 5 attempts over 240 min',
    });
  });

  it("fails instead of retrying past the platform's event-age limit", () => {
    const decision = decideRetry(
      retryable(),
      {
        ...state,
        occurredAt: new Date(t0.getTime() - 7 * 86_400_000 + 1_000),
        maxEventAgeMs: 7 * 86_400_000,
      },
      policy,
      minutes(0),
      0,
    );
    expect(decision).toEqual({
      action: 'fail',
      reason: "Meta answered 503; giving up: the next attempt would be past the platform's event-age limit",
    });
  });
});
