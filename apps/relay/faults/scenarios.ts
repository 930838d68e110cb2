/**
 * The fault scenarios. Each posts its own events (order ids `<scenario prefix>-n`), injects its
 * faults, waits until every event is routed and every delivery final, and returns its counts.
 */
import { type LoadCounts, loadGenerator } from './load-generator';
import { type MemoryReport, memoryReport, sampleMemory } from './memory';
import { sleep } from '../bench/process-tools';
import type { Stage } from './stage';
import { FAULT_PLATFORMS } from './stage';
import { type Tally, settle, tally } from './tally';

export interface SuiteSize {
  /** Events per batch posted by the load generator. */
  batchSize: number;
  /** Batches in the platform-fault scenario. */
  batches: number;
  /** Steady load (events per second) during the worker, database and soak scenarios. */
  eventsPerSecond: number;
  /** Seconds each fault lasts (worker down, database stopped; a freeze lasts at least 6 s, past DB_QUERY_TIMEOUT). */
  faultSeconds: number;
  /** Seconds of steady load before and after each fault. */
  calmSeconds: number;
  /** Failures per platform in each burst of the platform scenario. */
  burst: number;
  soakSeconds: number;
  /** Seconds between memory samples. */
  sampleSeconds: number;
  /** Longest wait for every delivery to be final after a scenario. */
  settleSeconds: number;
}

export interface ScenarioResult {
  scenario: string;
  /** Wall time of the scenario, settling included. */
  seconds: number;
  load: LoadCounts;
  /** Seconds from the end of the load until every delivery was final (null: not within settleSeconds). */
  settledSeconds: number | null;
  tally: Tally;
  /** Relay processes that died without the suite killing them. */
  unexpectedExits: string[];
  memory?: Record<string, MemoryReport>;
  notes?: Record<string, unknown>;
}

/** A scenario's result before the suite adds its wall time. */
export type ScenarioCounts = Omit<ScenarioResult, 'seconds'>;

async function finish(
  stage: Stage,
  size: SuiteSize,
  scenario: string,
  generator: ReturnType<typeof loadGenerator>,
  extra: Partial<ScenarioCounts> = {},
): Promise<ScenarioCounts> {
  const settled = await settle(stage.db, stage.database, scenario, size.settleSeconds * 1000);
  return {
    scenario,
    load: generator.counts(),
    settledSeconds: settled === undefined ? null : Number((settled / 1000).toFixed(1)),
    tally: await tally({
      sim: stage.sim,
      db: stage.db,
      database: stage.database,
      prefix: scenario,
      platforms: [...FAULT_PLATFORMS],
      accepted: generator.acceptedIds,
    }),
    unexpectedExits: stage.unexpectedExits(),
    ...extra,
  };
}

/**
 * 1. Platform faults on four platforms at once, twice (at the start and half-way): Meta answers a
 * 5xx burst, TikTok 429 with Retry-After, Pinterest answers after the adapter timeout (the
 * platform keeps the events: a retry is a duplicate), Snapchat resets the connection.
 */
export async function platformFaults(stage: Stage, size: SuiteSize): Promise<ScenarioCounts> {
  const scenario = 'platform';
  stage.sim.reset();
  const times = <T>(value: (i: number) => T) => Array.from({ length: size.burst }, (_, i) => value(i));
  const burst = () => {
    stage.sim.script(
      'meta_capi',
      times((i) => [500, 502, 503][i % 3]!),
    );
    stage.sim.script(
      'tiktok_events',
      times(() => ({ status: 429, retryAfter: 2 })),
    );
    stage.sim.script(
      'pinterest_capi',
      times(() => ({ delayMs: 3_000 })),
    );
    stage.sim.script(
      'snapchat_capi',
      times(() => 'reset' as const),
    );
  };
  const generator = loadGenerator(stage.api.url, scenario);
  burst();
  for (let i = 0; i < size.batches; i++) {
    if (i === Math.floor(size.batches / 2)) burst();
    await generator.postBatch(size.batchSize);
    await sleep(200);
  }
  return finish(stage, size, scenario, generator);
}

/**
 * 2. Two workers deliver together while platforms answer slowly (requests in flight); one is
 * SIGKILLed mid-run and a new worker starts after `faultSeconds`. The dead worker's leased
 * deliveries come back when their leases expire.
 */
export async function workerCrash(stage: Stage, size: SuiteSize): Promise<ScenarioCounts> {
  const scenario = 'worker';
  stage.sim.reset();
  const slow = stage.slowPlatforms(400);
  const generator = loadGenerator(stage.api.url, scenario);
  const load = generator.run(size.eventsPerSecond, size.batchSize);
  await sleep(size.calmSeconds * 1000);
  const victim = stage.workers[0]!;
  const leasedAtKill = await leasedBy(stage, victim.name);
  await stage.crash(victim);
  await sleep(size.faultSeconds * 1000);
  stage.workers[0] = await stage.startWorker(`${victim.name}-restarted`);
  await sleep(size.calmSeconds * 1000);
  generator.stop();
  await load;
  slow.stop();
  return finish(stage, size, scenario, generator, {
    notes: { killed: victim.name, leasedByKilledWorker: leasedAtKill, restartedAs: stage.workers[0].name },
  });
}

async function leasedBy(stage: Stage, owner: string): Promise<number> {
  const [row] = (await stage.db.query(
    `SELECT COUNT(*) AS n FROM deliveries WHERE status = 'leased' AND lease_owner = '${owner}'`,
    stage.database,
  )) as Array<{ n: bigint }>;
  return Number(row?.n ?? 0);
}

/**
 * 3. The database is stopped (SIGKILL, then started again on the same data) and later frozen
 * (SIGSTOP past DB_QUERY_TIMEOUT, then SIGCONT) under steady load. The API answers 503 and the
 * load generator posts again (the one-event probes too, after the outage); the relay processes
 * must survive both without a restart.
 */
export async function databaseFaults(stage: Stage, size: SuiteSize): Promise<ScenarioCounts> {
  const scenario = 'database';
  stage.sim.reset();
  const generator = loadGenerator(stage.api.url, scenario);
  const load = generator.run(size.eventsPerSecond, size.batchSize);
  await sleep(size.calmSeconds * 1000);
  await stage.db.kill();
  const stoppedAt = generator.counts();
  const probeWhileStopped = await generator.probe();
  await sleep(size.faultSeconds * 1000);
  await stage.db.restart();
  const restarted = generator.counts();
  await sleep(size.calmSeconds * 1000);
  stage.db.freeze();
  const frozenAt = generator.counts();
  const freezeEnds = Date.now() + Math.max(size.faultSeconds, 6) * 1000;
  const probeWhileFrozen = await generator.probe();
  await sleep(freezeEnds - Date.now());
  stage.db.thaw();
  const thawed = generator.counts();
  // The probes answered 503 are posted again, as the OMS would: one may have been stored anyway.
  await generator.retryProbes();
  await sleep(size.calmSeconds * 1000);
  generator.stop();
  await load;
  const during = (from: LoadCounts, to: LoadCounts) =>
    Object.fromEntries(
      Object.entries(to.answers)
        .map(([status, n]) => [status, n - (from.answers[status] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
  return finish(stage, size, scenario, generator, {
    notes: {
      answersWhileStopped: during(stoppedAt, restarted),
      answersWhileFrozen: during(frozenAt, thawed),
      probeWhileStopped,
      probeWhileFrozen,
      frozenForMs: Math.max(size.faultSeconds, 6) * 1000,
    },
  });
}

/**
 * 4. Soak: steady load for `soakSeconds` while the API's and each worker's resident memory is
 * sampled; warm-up is the first third (at most 60 s).
 */
export async function soak(stage: Stage, size: SuiteSize): Promise<ScenarioCounts> {
  const scenario = 'soak';
  stage.sim.reset();
  const processes = Object.fromEntries([stage.api, ...stage.workers].map((p) => [p.name, p.pid]));
  const sampler = sampleMemory(processes, size.sampleSeconds * 1000);
  const generator = loadGenerator(stage.api.url, scenario);
  await generator.run(size.eventsPerSecond, size.batchSize, size.soakSeconds);
  const samples = await sampler.stop();
  const warmup = Math.min(60, size.soakSeconds / 3);
  const memory = Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [name, memoryReport(s, warmup)] as const),
  );
  // The simulator keeps every request: forget the soak's once counted, so the harness stays small.
  const result = await finish(stage, size, scenario, generator, { memory, notes: { warmupSeconds: warmup } });
  stage.sim.reset();
  return result;
}

export const SCENARIOS = { platform: platformFaults, worker: workerCrash, database: databaseFaults, soak };
export type ScenarioName = keyof typeof SCENARIOS;
