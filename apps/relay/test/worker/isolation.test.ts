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
});
