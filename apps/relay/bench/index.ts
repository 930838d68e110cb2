/**
 * `pnpm bench [--json] [--only ingest|delivery|scaleout|memory[,...]] [--host built|source]`:
 * ingestion, delivery (batching and one-per-request platforms), scale-out (one and two worker
 * processes) and memory, each against its ceiling measured in the same run; `--only` runs the
 * phases named (all by default). Memory is the peak RSS of the processes the selected phases
 * started (alone: the API and one worker delivering the batching platforms' events).
 * The relay runs as production runs it, `node dist/cli.js` (`--host built`, the default: the
 * host and the packages it loads are rebuilt first when older than their sources, see
 * host-build.ts), or from source through tsx (`--host source`: no build, the transpiler and the
 * sources in every process's memory).
 * The relay runs as separate processes (API, workers) started through its CLI; a throw-away
 * database is created and dropped. `--json` prints one JSON object on stdout; everything else
 * (the relay's logs, progress) goes to stderr. Sizes: see `settingsFrom` (BENCH_* variables).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startSimulator } from '@relay/testing';
import { bookkeepingCeiling, replayRequests } from './ceilings';
import { counterModule, startBenchRelay } from './counted-relay';
import { type DeliveryRun, deliveryRun } from './deliver';
import { ensureHostBuilt, hostModeOf } from './host-build';
import { benchIngest } from './ingest';
import { mariadbPid } from './proc-stats';

import { selectPhases } from './phases';
import { type ReportInputs, buildReport, summary } from './report';
import { RELAY_ENV, benchDatabase } from './support';

/** Platforms that take many events per request, and platforms whose adapters send one per request. */
const BATCHING = ['meta_capi', 'tiktok_events'];
const ONE_PER_REQUEST = ['branch', 'kochava'];
/** The lanes' concurrency for these platforms (their adapters set none: PLATFORM_CONCURRENCY's default). */
const LANE_CONCURRENCY = 4;

function settingsFrom(env: NodeJS.ProcessEnv) {
  const int = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a positive integer (got '${env[name]}')`);
    return value;
  };
  return {
    ingestBatches: int('BENCH_INGEST_BATCHES', 60),
    concurrency: int('BENCH_CONCURRENCY', 4),
    events: int('BENCH_EVENTS', 20_000),
    perRequestEvents: int('BENCH_PER_REQUEST_EVENTS', 1_000),
    workerBatch: int('BENCH_WORKER_BATCH', 500),
    dbConcurrency: int('BENCH_DB_CONCURRENCY', 4),
    workerEnv: {
      ...RELAY_ENV,
      WORKER_BATCH_SIZE: String(int('BENCH_WORKER_BATCH', 500)),
      WORKER_POLL_INTERVAL: env.BENCH_POLL_INTERVAL ?? '10ms',
      // Shorter than production's 2 min, so a group lost under load is sent again within the run.
      LEASE_DURATION: env.BENCH_LEASE_DURATION ?? '30s',
      LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'warn',
    },
  };
}

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main() {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      host: { type: 'string' },
    },
  });
  const phases = selectPhases(values.only);
  const host = hostModeOf(values.host);
  if (host === 'built') ensureHostBuilt(progress);
  const relay = { host, counter: await counterModule(host) };
  const settings = settingsFrom(process.env);
  const loadAvgStart = loadavg()[0]!;
  const db = await benchDatabase();
  const sim = await startSimulator();
  try {
    const [{ pidFile }] = await db.query<[{ pidFile: string | null }]>('SELECT @@pid_file AS pidFile');
    const dbPid = mariadbPid(pidFile);
    if (dbPid === null)
      progress('the database server is not a known local mariadbd: its CPU is not measured');
    const ingestSf = { code: 'bench-ingest', id: await db.storefront('bench-ingest', [], sim.url) };
    const batchingSf = {
      code: 'bench-batching',
      id: await db.storefront('bench-batching', BATCHING, sim.url),
    };
    const singleSf = {
      code: 'bench-single',
      id: await db.storefront('bench-single', ONE_PER_REQUEST, sim.url),
    };
    const api = await startBenchRelay('api', db.url, { ...settings.workerEnv }, relay);
    try {
      const inputs: ReportInputs = {
        machine: { cpus: cpus().length, loadAvgStart, loadAvgEnd: 0 },
        phases: [...phases],
        host,
      };
      if (phases.has('ingest')) {
        progress('ingest');
        const ingest = await benchIngest(db, api, {
          batches: settings.ingestBatches,
          concurrency: settings.concurrency,
          storefront: ingestSf,
          mariadbPid: dbPid,
        });
        inputs.ingest = { ...ingest, concurrency: settings.concurrency };
        // The ingest bench's events have no destinations: the workers below must not route them.
        await db.query(`UPDATE events SET status = 'routed' WHERE status = 'pending'`);
      }

      const run = (storefront: typeof batchingSf, platforms: string[], events: number, workers: number) =>
        deliveryRun(db, api, sim, {
          storefront,
          platforms,
          events,
          workers,
          workerEnv: settings.workerEnv,
          relay,
          mariadbPid: dbPid,
          runId: `${storefront.code}-${workers}w`,
          appRecords: platforms === ONE_PER_REQUEST,
        });
      const runs: DeliveryRun[] = [];
      // Delivery and scale-out compare with it; alone, memory needs a worker under load.
      let batching: DeliveryRun | undefined;
      if (phases.has('delivery') || phases.has('scaleout') || phases.has('memory')) {
        progress('deliver: batching platforms, one worker');
        batching = await run(batchingSf, BATCHING, settings.events, 1);
        runs.push(batching);
      }
      if (batching && phases.has('delivery')) {
        progress('deliver: one-per-request platforms, one worker');
        const single = await run(singleSf, ONE_PER_REQUEST, settings.perRequestEvents, 1);
        runs.push(single);
        progress('ceilings: bare HTTP loop, database bookkeeping');
        const batchingHttp = await replayRequests(sim.url, batching.requests, () => LANE_CONCURRENCY);
        const singleHttp = await replayRequests(sim.url, single.requests, () => LANE_CONCURRENCY);
        sim.reset();
        const eventIds = (
          await db.query<Array<{ id: bigint }>>(
            'SELECT id FROM events WHERE storefront_id = ? ORDER BY id LIMIT ?',
            [batchingSf.id, settings.events],
          )
        ).map((r) => r.id);
        const dbCeiling = await bookkeepingCeiling(db, {
          eventIds,
          platforms: BATCHING,
          chunk: settings.workerBatch,
          concurrency: settings.dbConcurrency,
        });
        inputs.delivery = {
          batching: { platforms: BATCHING, run: batching, httpCeiling: batchingHttp },
          onePerRequest: { platforms: ONE_PER_REQUEST, run: single, httpCeiling: singleHttp },
          dbCeiling,
        };
      }
      if (batching && phases.has('scaleout')) {
        progress('deliver: batching platforms, two workers');
        const twoWorkers = await run(batchingSf, BATCHING, settings.events, 2);
        runs.push(twoWorkers);
        inputs.scaleout = { oneWorker: batching, twoWorkers };
      }
      if (phases.has('memory'))
        inputs.memory = {
          apiPeakRssMb: api.memory()?.peakRssMb ?? Number.NaN,
          workerPeakRssMb: Math.max(...runs.flatMap((r) => r.workerPeakRssMb)),
        };
      inputs.machine.loadAvgEnd = loadavg()[0]!;
      const report = buildReport(inputs);
      process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${summary(report)}\n`);
    } finally {
      await api.stop();
    }
  } finally {
    await sim.stop();
    await db.drop();
  }
}

await main();
