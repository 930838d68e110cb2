/**
 * Re-sends after a worker crash: EVENTS purchases for one storefront with Meta and TikTok
 * credentials pointed at the local platform simulator, which answers every request after
 * LATENCY_MS. A worker runs as its own process (`relay worker`); once the simulator has received
 * KILL_AT events it is SIGKILLed, the deliveries it still held are counted, and a second worker
 * finishes the run (after the first one's leases expire). Prints, per platform and in total, the
 * events the simulator received more than once (by the `event_id` Relay sends) and the events it
 * never accepted (lost: must be 0).
 *
 * Run: pnpm --filter @relay/host exec tsx --conditions=@relay/source bench/crash-resends.ts
 * Env: EVENTS (2000), LATENCY_MS (150), KILL_AT (40% of the deliveries), LEASE_MS (10000),
 *      BATCH (the worker's WORKER_BATCH_SIZE, default 200), EXTRA_PLATFORM (`klaviyo`: one event
 *      per request, 10 at once; `ga4`: 25 per request).
 */
import { type SimulatorRequest, eventsOf, startSimulator } from '@relay/testing';
import { sleep } from './process-tools';
import { type RelayProcess, startRelayProcess } from './relay-process';
import { RELAY_ENV, benchDatabase, omsBatch, postBatch } from './support';

const EVENTS = Number(process.env.EVENTS ?? 2000);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 150);
const LEASE_MS = Number(process.env.LEASE_MS ?? 10000);
const BATCH = Number(process.env.BATCH ?? 200);
const PLATFORMS = [
  'meta_capi',
  'tiktok_events',
  ...(process.env.EXTRA_PLATFORM ? [process.env.EXTRA_PLATFORM] : []),
];
const DELIVERIES = EVENTS * PLATFORMS.length;
const KILL_AT = Number(process.env.KILL_AT ?? Math.round(DELIVERIES * 0.4));

/**
 * The event ids in a request a platform received, each once: `event_id` (Meta, TikTok), Klaviyo's
 * `unique_id`, GA4's `params.transaction_id` (one order per event here).
 */
function eventIds(request: SimulatorRequest): string[] {
  const json = request.json as { data?: { attributes?: { unique_id?: unknown } } } | undefined;
  const single = json?.data?.attributes?.unique_id;
  if (typeof single === 'string') return [single];
  const ids = (eventsOf(request.json) ?? []).flatMap((event) => {
    const e = event as { event_id?: unknown; params?: { transaction_id?: unknown } };
    const id = e.event_id ?? e.params?.transaction_id;
    return typeof id === 'string' ? [id] : [];
  });
  return [...new Set(ids)];
}

const database = await benchDatabase();
const sim = await startSimulator();
const relayEnv = { ...process.env, ...RELAY_ENV, DATABASE_URL: database.url, LOG_LEVEL: 'error' };
const api = await startRelayProcess({ role: 'api', env: relayEnv, host: 'source', output: 'stderr' });
const workers: RelayProcess[] = [];

async function startWorker(name: string): Promise<RelayProcess> {
  const worker = await startRelayProcess({
    role: 'worker',
    name,
    host: 'source',
    output: 'stderr',
    env: {
      ...relayEnv,
      LEASE_DURATION: String(LEASE_MS),
      WORKER_POLL_INTERVAL: '50',
      WORKER_BATCH_SIZE: String(BATCH),
    },
  });
  workers.push(worker);
  return worker;
}

const received = () => sim.received.reduce((n, r) => n + eventIds(r).length, 0);

async function statusCounts(): Promise<Record<string, number>> {
  const rows = await database.query<Array<{ status: string; n: bigint | number }>>(
    'SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status',
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

try {
  for (const platform of PLATFORMS) sim.script(platform, [{ delayMs: LATENCY_MS }], { repeatLast: true });
  await database.storefront('bosley', PLATFORMS, sim.url);
  for (let i = 0; i * 500 < EVENTS; i++) {
    const size = Math.min(500, EVENTS - i * 500);
    await postBatch(api.url, JSON.stringify(omsBatch('bosley', `c${i}`, size)), size);
  }
  await api.kill('SIGTERM');

  const first = await startWorker('crash-first');
  const deadline = Date.now() + 600_000;
  while (received() < KILL_AT) {
    if (Date.now() > deadline) throw new Error('the first worker did not reach KILL_AT in 10 minutes');
    await sleep(5);
  }
  const killed = first.kill('SIGKILL');
  const receivedAtKill = received();
  // Events in requests the platform had not answered yet: re-sent whatever the worker does.
  const unansweredAtKill = sim.received
    .filter((r) => r.answered === undefined)
    .reduce((n, r) => n + eventIds(r).length, 0);
  await killed;
  const atKill = await statusCounts();

  const second = await startWorker('crash-second');
  while (((await statusCounts())['delivered'] ?? 0) < DELIVERIES) {
    if (Date.now() > deadline)
      throw new Error(`not all deliveries delivered: ${JSON.stringify(await statusCounts())}`);
    await sleep(50);
  }
  await second.kill('SIGTERM');

  const perPlatform = Object.fromEntries(
    PLATFORMS.map((platform) => {
      const counts = new Map<string, number>();
      const accepted = new Set<string>();
      for (const request of sim.receivedBy(platform)) {
        for (const id of eventIds(request)) {
          counts.set(id, (counts.get(id) ?? 0) + 1);
          if (typeof request.answered === 'number' && request.answered < 300) accepted.add(id);
        }
      }
      const resent = [...counts.values()].filter((n) => n > 1).length;
      return [platform, { receivedTwiceOrMore: resent, lost: EVENTS - accepted.size }];
    }),
  );
  const total = Object.values(perPlatform).reduce(
    (sum, p) => ({
      receivedTwiceOrMore: sum.receivedTwiceOrMore + p.receivedTwiceOrMore,
      lost: sum.lost + p.lost,
    }),
    { receivedTwiceOrMore: 0, lost: 0 },
  );
  console.log(
    JSON.stringify({
      bench: 'crash-resends',
      events: EVENTS,
      deliveries: DELIVERIES,
      latencyMs: LATENCY_MS,
      batch: BATCH,
      killedAfterEventsReceived: receivedAtKill,
      unansweredAtKill,
      heldByKilledWorker: atKill['leased'] ?? 0,
      statusesAtKill: atKill,
      ...total,
      perPlatform,
    }),
  );
} finally {
  await Promise.all([...workers, api].map((p) => p.kill('SIGKILL')));
  await sim.stop();
  await database.drop();
}
