import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('platform isolation', () => {
  it('a platform that hangs does not hold back the others; stop() waits for its request', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    await f.credential(bosley, 'tiktok_events');
    await f.credential(bosley, 'pinterest_capi');
    f.sim.script('meta_capi', [{ delayMs: 4_000 }]);
    const purchases = Array.from({ length: 3 }, (_, i) => ({
      ...SEED_BATCH.data[2],
      order_id: `ORD-${i}`,
      email: `buyer${i}@example.com`,
    }));
    await f.ingest({ data: purchases });

    const worker = f.worker();
    worker.start();
    // Meta's request is still unanswered while TikTok and Pinterest are done.
    await until('the other platforms to be delivered', async () => {
      const done = (await f.deliveries()).filter((d) => d.status === 'delivered');
      return done.length === 6;
    });
    expect((await f.deliveries()).map((d) => [d.platform, d.status])).toEqual(
      Array.from({ length: 3 }, () => [
        ['meta_capi', 'leased'],
        ['tiktok_events', 'delivered'],
        ['pinterest_capi', 'delivered'],
      ]).flat(),
    );
    expect(f.sim.receivedBy('meta_capi').map((r) => r.answered)).toEqual([undefined]);

    // Graceful stop: no new claims, the hanging request is waited for and recorded.
    await worker.stop();
    expect(f.sim.receivedBy('meta_capi').map((r) => r.answered)).toEqual([200]);
    expect((await f.deliveries()).filter((d) => d.platform === 'meta_capi').map((d) => d.status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
  });

  it('a request slower than the lease keeps its lease alive: a second worker reaping meanwhile never re-sends it', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    await f.ingest({ data: [{ ...SEED_BATCH.data[2], email: 'buyer@example.com' }] });
    f.sim.script('meta_capi', [{ delayMs: 2_500 }]);
    const slow = f.worker({ id: 'slow', leaseMs: 600 });
    await slow.route();
    const sending = slow.deliverOnce();
    await until('the request to reach Meta', async () => f.sim.receivedBy('meta_capi').length === 1);
    // Another worker keeps reaping and claiming for longer than several leases.
    const other = f.worker({ id: 'other' });
    let reaped = 0;
    let claimed = 0;
    while (f.sim.receivedBy('meta_capi')[0]!.answered === undefined) {
      reaped += await other.reap();
      claimed += await other.deliverOnce();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await sending).toBe(1);
    expect({ reaped, claimed }).toEqual({ reaped: 0, claimed: 0 });
    expect(f.sim.receivedBy('meta_capi')).toHaveLength(1);
    expect((await f.deliveries()).map((d) => [d.status, d.attempts])).toEqual([['delivered', 1]]);
  });
});
