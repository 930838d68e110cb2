import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEY } from '../support/app';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

/**
 * `relay worker` as a real child process (the CLI command operators run), against the test
 * database and the simulator: killed with SIGKILL mid-batch, and stopped with SIGTERM.
 */
const APP = resolve(import.meta.dirname, '../..');

let f: PipelineFixture;
let child: ChildProcess | undefined;
let output = '';
beforeEach(async () => {
  f = await pipelineFixture();
  output = '';
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await f.close();
});

function spawnRelay(
  command: 'worker' | 'start',
  env: Record<string, string>,
): {
  exited: Promise<{ code: number | null; signal: string | null }>;
} {
  child = spawn(process.execPath, ['--conditions=@relay/source', '--import', 'tsx', 'src/cli.ts', command], {
    cwd: APP,
    env: {
      ...process.env,
      DATABASE_URL: f.t.database.url,
      ENCRYPTION_KEY: TEST_KEY,
      RELAY_ENV: 'test',
      LOG_LEVEL: 'info',
      WORKER_POLL_INTERVAL: '50ms',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
    child!.on('exit', (code, signal) => r({ code, signal })),
  );
  return { exited };
}

/** Poll a condition (the child works on its own schedule); fails with the child's output. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 45_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}\n${output}`);
}

const purchases = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ...SEED_BATCH.data[2],
    email: 'buyer@example.com',
    order_id: `ORD-${i}`,
    event_time: new Date(Date.now() - 3_600_000).toISOString(),
  }));

const eventIdsSentTo = (platform: string) =>
  f.sim.receivedBy(platform).flatMap((r) => {
    const json = r.json as { data: Array<{ event_id: string }> };
    return json.data.map((e) => e.event_id);
  });

describe('relay worker as a process', () => {
  it('SIGKILLed mid-batch: nothing lost, nothing it finished is sent again, its claims are taken over after the lease', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    await f.credential(bosley, 'tiktok_events');
    await f.ingest({ data: purchases(6) });
    // Meta hangs on the first request; TikTok answers at once.
    f.sim.script('meta_capi', [{ delayMs: 20_000 }]);
    spawnRelay('worker', { WORKER_ID: 'doomed', LEASE_DURATION: '3s' });
    await until('the child to deliver TikTok and reach Meta', async () => {
      const statuses = (await f.deliveries()).map((d) => `${d.platform}:${d.status}`);
      return (
        f.sim.receivedBy('meta_capi').length === 1 &&
        statuses.filter((s) => s === 'tiktok_events:delivered').length === 6
      );
    });
    child!.kill('SIGKILL');
    const leased = (await f.deliveries()).filter((d) => d.status === 'leased');
    expect(leased.map((d) => d.platform)).toEqual(Array(6).fill('meta_capi'));

    // Until the dead worker's lease expires nobody else sends its deliveries.
    const survivor = f.worker({ id: 'survivor', now: () => new Date() });
    expect(await survivor.deliverOnce()).toBe(0);
    await until('the lease to expire', async () => (await survivor.reap()) === 6);
    await survivor.drain();

    const deliveries = await f.deliveries();
    expect(deliveries.map((d) => [d.platform, d.status, d.attempts])).toEqual([
      ...Array.from({ length: 6 }, () => [
        ['meta_capi', 'delivered', 2],
        ['tiktok_events', 'delivered', 1],
      ]).flat(),
    ]);
    const expectedIds = Array.from({ length: 6 }, (_, i) => `bosley:purchase_completed:ORD-${i}`);
    // TikTok, finished before the kill, got each event exactly once.
    expect(eventIdsSentTo('tiktok_events').sort()).toEqual(expectedIds);
    // Meta got the batch that was in flight at the kill once more, with the same event ids (the
    // at-least-once window the platform's event_id dedup absorbs), and nothing else.
    const meta = f.sim.receivedBy('meta_capi');
    expect(meta).toHaveLength(2);
    expect(eventIdsSentTo('meta_capi').sort()).toEqual([...expectedIds, ...expectedIds].sort());
    const attempts = await f.t.database.db.deliveryAttempt.findMany({ orderBy: { id: 'asc' } });
    // The killed attempt left no audit row (it never completed); the survivor's attempt did.
    expect(attempts.filter((a) => a.statusCode === 200).length).toBe(12);
  }, 90_000);

  it('SIGTERM: stops claiming, finishes the request in flight, exits 0', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    await f.ingest({ data: purchases(1) });
    f.sim.script('meta_capi', [{ delayMs: 1_500 }]);
    const { exited } = spawnRelay('worker', { WORKER_ID: 'graceful' });
    await until('the child to send to Meta', () => f.sim.receivedBy('meta_capi').length === 1);
    child!.kill('SIGTERM');
    await until('the child to log the shutdown', () =>
      output.includes('"msg":"shutting down","signal":"SIGTERM"'),
    );
    // Work accepted after the signal is left for other workers.
    const late = await f.ingest({ data: [{ ...purchases(1)[0], order_id: 'LATE-1' }] });
    expect(late.accepted).toBe(1);

    expect(await exited).toEqual({ code: 0, signal: null });
    const [d] = await f.deliveries();
    expect(d).toMatchObject({ platform: 'meta_capi', status: 'delivered', attempts: 1 });
    expect(f.sim.receivedBy('meta_capi')[0]!.answered).toBe(200);
    const lateEvent = await f.t.database.db.event.findUniqueOrThrow({
      where: { id: BigInt(late.ids[0]!) },
    });
    expect(lateEvent.status).toBe('pending');
    expect(await f.t.database.db.delivery.count()).toBe(1);
    expect(output).toContain('"msg":"worker stopped"');
  }, 90_000);

  it('relay start runs the worker by default: an accepted event is delivered without a separate worker', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    const { exited } = spawnRelay('start', { PORT: String(19_000 + Math.floor(Math.random() * 1000)) });
    await f.ingest({ data: purchases(1) });
    await until(
      'relay start to deliver the event',
      async () => (await f.deliveries())[0]?.status === 'delivered',
    );
    expect(eventIdsSentTo('meta_capi')).toEqual(['bosley:purchase_completed:ORD-0']);
    child!.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
  }, 90_000);
});
