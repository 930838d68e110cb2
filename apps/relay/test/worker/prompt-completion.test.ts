import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

/**
 * Klaviyo takes one event per request (`batch.maxEvents: 1`) with 10 requests at once: the
 * platform where holding outcomes until a whole claim is sent, or claiming far more than the lane
 * can send, costs the most re-sends when a worker is killed.
 */
let f: PipelineFixture;
/** Opens the test's gate, so a failed assertion never leaves a request held through `close()`. */
let releaseGate = () => {};
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => {
  releaseGate();
  return f.close();
});

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A fetch that holds the requests `hold` picks (by arrival order) until `release()`. */
function gatedFetch(hold: (n: number) => boolean) {
  let open!: () => void;
  const gate = new Promise<void>((r) => {
    open = r;
  });
  releaseGate = open;
  let calls = 0;
  let waiting = 0;
  const fetchThrough: typeof fetch = async (input, init) => {
    calls += 1;
    if (hold(calls)) {
      waiting += 1;
      await gate;
    }
    return fetch(input, init);
  };
  return { fetch: fetchThrough, release: open, held: () => waiting };
}

async function klaviyoPurchases(n: number) {
  const bosley = await f.storefront('bosley');
  await f.credential(bosley, 'klaviyo');
  await f.ingest({
    data: Array.from({ length: n }, (_, i) => ({
      ...SEED_BATCH.data[2],
      order_id: `ORD-${i}`,
      email: `buyer${i}@example.com`,
    })),
  });
}

const statuses = async () => (await f.deliveries()).map((d) => d.status).sort();

describe('outcomes are recorded as each send is answered', () => {
  it('a request the platform answered is delivered in the database while another of the same claim is still in flight', async () => {
    await klaviyoPurchases(3);
    const gate = gatedFetch((n) => n === 3);
    const worker = f.worker({ fetch: gate.fetch });
    await worker.route();
    const run = worker.deliverOnce();

    await until('the two answered deliveries to be recorded', async () => {
      return (await statuses()).filter((s) => s === 'delivered').length === 2;
    });
    expect(gate.held()).toBe(1);
    expect(await statuses()).toEqual(['delivered', 'delivered', 'leased']);
    expect(f.sim.receivedBy('klaviyo').map((r) => r.answered)).toEqual([200, 200]);

    gate.release();
    expect(await run).toBe(3);
    expect(await statuses()).toEqual(['delivered', 'delivered', 'delivered']);
    expect(f.sim.receivedBy('klaviyo')).toHaveLength(3);
  });
});

describe('a claim takes what the lanes can send soon', () => {
  it('claims two rounds of the lane (2 × 10 requests × 1 event), not a whole batch', async () => {
    await klaviyoPurchases(30);
    const gate = gatedFetch(() => true);
    const worker = f.worker({ fetch: gate.fetch, batchSize: 200 });
    await worker.route();
    const run = worker.deliverOnce();

    // Ten requests in flight (the lane's concurrency), ten more claimed and waiting their turn.
    await until('the lane to be full', async () => gate.held() === 10);
    const counts = (list: string[]) =>
      Object.fromEntries([...new Set(list)].map((s) => [s, list.filter((x) => x === s).length]));
    expect(counts(await statuses())).toEqual({ leased: 20, pending: 10 });

    gate.release();
    expect(await run).toBe(20);
    await worker.drain();
    expect(counts(await statuses())).toEqual({ delivered: 30 });
    expect(f.sim.receivedBy('klaviyo')).toHaveLength(30);
  });
});
