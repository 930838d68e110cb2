/**
 * Delivery: events for one storefront whose credentials point at the simulator, ingested through
 * the API and parked (routing, leased to nobody) while `workers` worker processes start; then
 * released at once and timed until every delivery is delivered (router and delivery loops as in
 * production). Per process CPU from /proc, MariaDB's CPU, each worker's statements and rows.
 * The simulator's requests of the run are kept for the bare HTTP ceiling (http-ceiling.ts).
 */
import type { Simulator, SimulatorRequest } from '@relay/testing';
import { cpuMeter } from './proc-stats';
import { sleep } from './process-tools';
import { type BenchRelay, startBenchRelay } from './counted-relay';
import type { HostMode } from './host-build';
import { type StatementCounts, sumCounts } from './statement-counts';
import { total } from './stats';
import { type BenchDatabase, omsBatch, postBatch, runConcurrently } from './support';

export interface DeliveryRunOptions {
  storefront: { id: number; code: string };
  /** Platforms the storefront's credentials go to: each event makes one delivery per platform. */
  platforms: readonly string[];
  events: number;
  workers: number;
  /** Relay configuration for the worker processes. */
  workerEnv: Record<string, string>;
  /** How the workers run (built or from source) and the statement counter they preload. */
  relay: { host: HostMode; counter: string };
  mariadbPid: number | null;
  /** Distinguishes this run's order ids from the other runs'. */
  runId: string;
  /** Records carry a device id and IP address (app-attribution platforms need them). */
  appRecords: boolean;
}

export interface DeliveryRun {
  events: number;
  deliveries: number;
  seconds: number;
  /** CPU seconds of each worker process during the timed window. */
  workerCpuSeconds: Array<number | null>;
  dbCpuSeconds: number | null;
  workerPeakRssMb: number[];
  /**
   * Deliveries claimed more than once: a worker lost their group (e.g. its audit transaction
   * failed) after the HTTP request went out, and they were sent again once the lease expired.
   */
  reclaimed: number;
  counts: StatementCounts;
  /** What the simulator received during the run (the requests the adapters built). */
  requests: SimulatorRequest[];
}

const PARKED = 'bench-parked';

/** Ingest `events` records through the API (500 per batch, 4 in flight) and park them. */
async function ingestParked(db: BenchDatabase, api: BenchRelay, options: DeliveryRunOptions) {
  const sizes = Array.from({ length: Math.ceil(options.events / 500) }, (_, i) =>
    Math.min(500, options.events - i * 500),
  );
  await runConcurrently(sizes.length, 4, (i) =>
    postBatch(
      api.url,
      JSON.stringify(
        omsBatch(options.storefront.code, `${options.runId}b${i}`, sizes[i], options.appRecords),
      ),
      sizes[i]!,
    ),
  );
  await db.query(
    `UPDATE events SET status = 'routing', lease_owner = ?, lease_until = '2999-12-31'
     WHERE storefront_id = ? AND status = 'pending'`,
    [PARKED, options.storefront.id],
  );
}

/** Work left: events not routed yet plus deliveries not finished. */
async function openWork(db: BenchDatabase): Promise<number> {
  const [row] = await db.query<Array<{ n: bigint | number }>>(
    `SELECT (SELECT COUNT(*) FROM events WHERE status IN ('pending', 'routing'))
          + (SELECT COUNT(*) FROM deliveries WHERE status IN ('pending', 'leased', 'paused')) AS n`,
  );
  return Number(row!.n);
}

async function deliveriesByStatus(db: BenchDatabase): Promise<Map<string, number>> {
  const rows = await db.query<Array<{ status: string; n: bigint | number }>>(
    'SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status',
  );
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export async function deliveryRun(
  db: BenchDatabase,
  api: BenchRelay,
  sim: Simulator,
  options: DeliveryRunOptions,
  timeoutMs = 600_000,
): Promise<DeliveryRun> {
  await ingestParked(db, api, options);
  const before = await deliveriesByStatus(db);
  const workers = await Promise.all(
    Array.from({ length: options.workers }, () =>
      startBenchRelay('worker', db.url, options.workerEnv, options.relay),
    ),
  );
  try {
    await Promise.all(workers.map((w) => w.takeCounts()));
    sim.reset();
    const cpu = cpuMeter([...workers.map((w) => w.pid), options.mariadbPid]);
    await db.query(
      `UPDATE events SET status = 'pending', lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?`,
      [PARKED],
    );
    const started = performance.now();
    while ((await openWork(db)) > 0) {
      if (performance.now() - started > timeoutMs)
        throw new Error(`deliveries did not finish within ${timeoutMs / 1000} s`);
      await sleep(20);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpu.read();
    const after = await deliveriesByStatus(db);
    const deliveries = options.events * options.platforms.length;
    const delivered = (after.get('delivered') ?? 0) - (before.get('delivered') ?? 0);
    if (delivered !== deliveries) {
      const [failure] = await db.query<Array<{ status: string; reason: string | null }>>(
        "SELECT status, reason FROM deliveries WHERE status <> 'delivered' ORDER BY id DESC LIMIT 1",
      );
      throw new Error(
        `${delivered} of ${deliveries} deliveries delivered; e.g. ${failure?.status}: ${failure?.reason}`,
      );
    }
    const counts = sumCounts(await Promise.all(workers.map((w) => w.takeCounts())));
    const [reclaimed] = await db.query<Array<{ n: bigint | number }>>(
      `SELECT COUNT(*) AS n FROM deliveries d JOIN events e ON e.id = d.event_id
       WHERE e.storefront_id = ? AND e.order_id LIKE ? AND d.attempts > 1`,
      [options.storefront.id, `${options.runId}b%`],
    );
    return {
      events: options.events,
      deliveries,
      seconds,
      workerCpuSeconds: cpuSeconds.slice(0, workers.length),
      dbCpuSeconds: cpuSeconds.at(-1) ?? null,
      workerPeakRssMb: workers.map((w) => w.memory()?.peakRssMb ?? Number.NaN),
      reclaimed: Number(reclaimed!.n),
      counts,
      requests: [...sim.received],
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    sim.reset();
  }
}

/** Deliveries per worker CPU-second (null when a worker's CPU could not be read). */
export function deliveriesPerWorkerCpuSecond(run: DeliveryRun): number | null {
  const cpu = total(run.workerCpuSeconds);
  return cpu === null || cpu === 0 ? null : run.deliveries / cpu;
}
