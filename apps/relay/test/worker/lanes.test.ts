import { describe, expect, it } from 'vitest';
import { type Clock, Lanes, Semaphore, TokenBucket } from '../../src/worker/lanes';

/** A manual clock: sleeping advances time instantly and is recorded. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(Math.round(ms));
      t += ms;
    },
  };
}

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('Semaphore', () => {
  it('never runs more than its limit at once and serves waiters in order', async () => {
    const semaphore = new Semaphore(2);
    const gates = [deferred(), deferred(), deferred()];
    const order: number[] = [];
    const runs = gates.map((gate, i) =>
      semaphore.run(async () => {
        order.push(i);
        await gate.promise;
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(semaphore.active).toBe(2);
    expect(semaphore.waiting).toBe(1);
    expect(order).toEqual([0, 1]);
    gates[0]!.resolve();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect(semaphore.active).toBe(0);
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then paces at the rate', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(2, 2, clock);
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(clock.slept).toEqual([500, 500, 500]);
  });
});

describe('Lanes', () => {
  it('keeps a stalled platform from delaying another', async () => {
    const lanes = new Lanes(() => ({ concurrency: 1 }));
    const stall = deferred();
    const slow = lanes.run('meta_capi', () => stall.promise);
    const queued = lanes.run('meta_capi', async () => 'meta second');
    await expect(lanes.run('tiktok_events', async () => 'tiktok done')).resolves.toBe('tiktok done');
    expect(lanes.stats()).toEqual({
      meta_capi: { active: 1, waiting: 1 },
      tiktok_events: { active: 0, waiting: 0 },
    });
    stall.resolve();
    await slow;
    await expect(queued).resolves.toBe('meta second');
  });

  it('applies each lane its own rate limit', async () => {
    const clock = fakeClock();
    const lanes = new Lanes(
      (key) => (key === 'slow' ? { concurrency: 4, requestsPerSecond: 1 } : { concurrency: 4 }),
      clock,
    );
    await Promise.all([1, 2, 3].map(() => lanes.run('slow', async () => {})));
    await Promise.all([1, 2, 3].map(() => lanes.run('fast', async () => {})));
    expect(clock.slept).toEqual([1000, 1000]);
  });
});
