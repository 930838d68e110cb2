/**
 * The bench's figures as one JSON object (`pnpm bench --json`) and as a human summary: the
 * relay's figures, the ceilings measured in the same run, and the four headline ratios.
 */
import type { Replay } from './ceilings';
import type { DeliveryRun } from './deliver';
import { deliveriesPerWorkerCpuSecond } from './deliver';
import type { benchIngest } from './ingest';
import { RECORDS_PER_BATCH } from './ingest';
import { perUnit } from './statement-counts';
import type { HostMode } from './host-build';
import type { Phase } from './phases';
import { ratio, round, total } from './stats';

/** What a run measured: a section per phase that ran (see phases.ts). */
export interface ReportInputs {
  machine: { cpus: number; loadAvgStart: number; loadAvgEnd: number };
  phases: readonly Phase[];
  /** How the relay ran: its production build or its sources through tsx. */
  host: HostMode;
  ingest?: Awaited<ReturnType<typeof benchIngest>> & { concurrency: number };
  delivery?: {
    batching: { platforms: readonly string[]; run: DeliveryRun; httpCeiling: Replay };
    onePerRequest: { platforms: readonly string[]; run: DeliveryRun; httpCeiling: Replay };
    dbCeiling: {
      deliveriesPerSecond: number;
      statementsPerDelivery: number;
      rowsWrittenPerDelivery: number;
      chunk: number;
      concurrency: number;
    };
  };
  scaleout?: { oneWorker: DeliveryRun; twoWorkers: DeliveryRun };
  /** Peak RSS of the API process and of every worker process the run started. */
  memory?: { apiPeakRssMb: number; workerPeakRssMb: number };
}

/** Milliseconds of CPU per 1,000 units (null when the CPU could not be read). */
const cpuMsPer1000 = (cpuSeconds: number | null, units: number) =>
  cpuSeconds === null ? null : round((cpuSeconds * 1_000_000) / units, 1);

const rounded = (values: Record<string, number>, digits: number) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v, digits)]));

function deliveryClass(platforms: readonly string[], run: DeliveryRun, replay: Replay, dbCeiling: number) {
  const perDelivery = perUnit(run.counts, run.deliveries);
  const deliveriesPerSecond = run.deliveries / run.seconds;
  const httpCeiling = replay.deliveries / replay.seconds;
  return {
    platforms: [...platforms],
    events: run.events,
    deliveries: run.deliveries,
    seconds: round(run.seconds, 2),
    events_per_s: round(run.events / run.seconds),
    deliveries_per_s: round(deliveriesPerSecond),
    http_requests: run.requests.length,
    deliveries_claimed_again: run.reclaimed,
    deliveries_per_http_request: round(run.deliveries / run.requests.length, 1),
    worker_cpu_s: round(total(run.workerCpuSeconds) ?? Number.NaN, 2),
    db_cpu_s: run.dbCpuSeconds === null ? null : round(run.dbCpuSeconds, 2),
    statements_per_delivery: round(perDelivery.statements, 3),
    rows_written_per_delivery: round(perDelivery.rowsWritten, 3),
    statements_per_delivery_by_kind: rounded(perDelivery.statementsByKind, 4),
    rows_written_per_delivery_by_table: rounded(perDelivery.rowsByTable, 3),
    http_ceiling: {
      deliveries_per_s: round(httpCeiling),
      events_per_s: round(httpCeiling / platforms.length),
      requests_per_s: round(replay.requests / replay.seconds),
    },
    ratio_to_http_ceiling: round(ratio(deliveriesPerSecond, httpCeiling), 3),
    ratio_to_db_ceiling: round(ratio(deliveriesPerSecond, dbCeiling), 3),
  };
}

function scaleout(run: DeliveryRun) {
  const perCpu = deliveriesPerWorkerCpuSecond(run);
  return {
    workers: run.workerCpuSeconds.length,
    deliveries: run.deliveries,
    deliveries_per_s: round(run.deliveries / run.seconds),
    worker_cpu_s: run.workerCpuSeconds.map((s) => (s === null ? null : round(s, 2))),
    /** Cores the workers kept busy on average (CPU seconds over wall seconds). */
    worker_cores: round((total(run.workerCpuSeconds) ?? Number.NaN) / run.seconds, 2),
    db_cores: run.dbCpuSeconds === null ? null : round(run.dbCpuSeconds / run.seconds, 2),
    deliveries_per_worker_cpu_s: perCpu === null ? null : round(perCpu),
    db_cpu_s_per_1000_deliveries:
      run.dbCpuSeconds === null ? null : round((run.dbCpuSeconds * 1000) / run.deliveries, 3),
  };
}

function ingestSection(ingest: NonNullable<ReportInputs['ingest']>) {
  return {
    events: ingest.events,
    batch_records: RECORDS_PER_BATCH,
    concurrency: ingest.concurrency,
    events_per_s: round(ingest.eventsPerSecond),
    p50_ms: round(ingest.p50Ms, 1),
    p99_ms: round(ingest.p99Ms, 1),
    api_cpu_ms_per_1000_events: cpuMsPer1000(ingest.apiCpuSeconds, ingest.events),
    db_cpu_ms_per_1000_events: cpuMsPer1000(ingest.dbCpuSeconds, ingest.events),
    statements_per_batch: round(ingest.statementsPerBatch, 2),
    rows_written_per_batch: round(ingest.rowsWrittenPerBatch, 1),
    ceiling: {
      events_per_s: round(ingest.ceiling.eventsPerSecond),
      p50_ms: round(ingest.ceiling.p50Ms, 1),
      p99_ms: round(ingest.ceiling.p99Ms, 1),
    },
  };
}

function deliverySection(delivery: NonNullable<ReportInputs['delivery']>) {
  const { batching, onePerRequest, dbCeiling } = delivery;
  return {
    batching: deliveryClass(
      batching.platforms,
      batching.run,
      batching.httpCeiling,
      dbCeiling.deliveriesPerSecond,
    ),
    one_per_request: deliveryClass(
      onePerRequest.platforms,
      onePerRequest.run,
      onePerRequest.httpCeiling,
      dbCeiling.deliveriesPerSecond,
    ),
    db_ceiling: {
      deliveries_per_s: round(dbCeiling.deliveriesPerSecond),
      statements_per_delivery: round(dbCeiling.statementsPerDelivery, 4),
      rows_written_per_delivery: round(dbCeiling.rowsWrittenPerDelivery, 3),
      chunk: dbCeiling.chunk,
      concurrency: dbCeiling.concurrency,
    },
  };
}

function scaleoutSection(runs: NonNullable<ReportInputs['scaleout']>) {
  const one = scaleout(runs.oneWorker);
  const two = scaleout(runs.twoWorkers);
  return {
    section: { one_worker: one, two_workers: two },
    efficiency:
      one.deliveries_per_worker_cpu_s === null || two.deliveries_per_worker_cpu_s === null
        ? null
        : round(two.deliveries_per_worker_cpu_s / one.deliveries_per_worker_cpu_s, 3),
  };
}

/**
 * The JSON report: `phases` (what ran), a section per phase that ran, and each of those phases'
 * headline figure (ingest_ratio, delivery_ratio, scaleout_efficiency, peak_rss_mb).
 */
export function buildReport(inputs: ReportInputs) {
  const delivery = inputs.delivery && deliverySection(inputs.delivery);
  const scaled = inputs.scaleout && scaleoutSection(inputs.scaleout);
  const memory = inputs.memory;
  return {
    machine: {
      cpus: inputs.machine.cpus,
      load_avg_1m_start: round(inputs.machine.loadAvgStart, 2),
      load_avg_1m_end: round(inputs.machine.loadAvgEnd, 2),
    },
    phases: [...inputs.phases],
    host: inputs.host,
    ...(inputs.ingest && { ingest: ingestSection(inputs.ingest) }),
    ...(delivery && { delivery }),
    ...(scaled && { scaleout: scaled.section }),
    ...(memory && {
      memory: {
        api_peak_rss_mb: round(memory.apiPeakRssMb, 1),
        worker_peak_rss_mb: round(memory.workerPeakRssMb, 1),
      },
    }),
    ...(inputs.ingest && { ingest_ratio: round(inputs.ingest.ratio, 3) }),
    ...(delivery && { delivery_ratio: delivery.batching.ratio_to_db_ceiling }),
    ...(scaled && { scaleout_efficiency: scaled.efficiency }),
    ...(memory && { peak_rss_mb: round(Math.max(memory.apiPeakRssMb, memory.workerPeakRssMb), 1) }),
  };
}

export type BenchReport = ReturnType<typeof buildReport>;

const k = (n: number | null) => (n === null ? 'n/a' : n >= 10_000 ? `${round(n / 1000, 1)} K` : `${n}`);
const pass = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');

type DeliveryClass = ReturnType<typeof deliveryClass>;

const deliveryClassLine = (name: string, c: DeliveryClass) =>
  `  ${name} (${c.platforms.join(', ')}): ${k(c.events_per_s)} events/s, ${k(c.deliveries_per_s)} deliveries/s ` +
  `(${c.deliveries_per_http_request} deliveries per request, ${c.deliveries_claimed_again} claimed again after a lost group; bare HTTP ceiling ${k(c.http_ceiling.deliveries_per_s)}/s, ` +
  `x${c.ratio_to_http_ceiling}; DB ceiling x${c.ratio_to_db_ceiling}); ` +
  `${c.statements_per_delivery} statements and ${c.rows_written_per_delivery} rows written per delivery`;

/** The report for a reader: one line per figure, its ceiling and target (the phases that ran). */
export function summary(r: BenchReport): string {
  const lines = [
    `Relay bench (${r.phases.join(', ')}; relay ${r.host === 'built' ? 'built (node dist/cli.js)' : 'from source (tsx)'}; ${r.machine.cpus} CPUs, load average ${r.machine.load_avg_1m_start} at start, ${r.machine.load_avg_1m_end} at end)`,
  ];
  const { ingest, delivery, scaleout: s, memory } = r;
  if (ingest && r.ingest_ratio !== undefined)
    lines.push(
      `Ingestion: ${k(ingest.events_per_s)} events/s, batch p50 ${ingest.p50_ms} ms, p99 ${ingest.p99_ms} ms ` +
        `(${ingest.batch_records}-record batches, ${ingest.concurrency} in flight); ` +
        `driver INSERT ceiling ${k(ingest.ceiling.events_per_s)} events/s; ratio ${r.ingest_ratio} ` +
        `(target >= 0.5: ${pass(r.ingest_ratio >= 0.5)}; p99 <= 100 ms: ${pass(ingest.p99_ms <= 100)})`,
    );
  if (delivery && r.delivery_ratio !== undefined)
    lines.push(
      `Delivery (database ceiling ${k(delivery.db_ceiling.deliveries_per_s)} deliveries/s: ` +
        `${delivery.db_ceiling.statements_per_delivery} statements and ${delivery.db_ceiling.rows_written_per_delivery} rows per delivery)`,
      deliveryClassLine('batching', delivery.batching),
      deliveryClassLine('one per request', delivery.one_per_request),
      `  delivery_ratio ${r.delivery_ratio} (target >= 0.5: ${pass(r.delivery_ratio >= 0.5)})`,
    );
  if (s)
    lines.push(
      `Scale-out: 1 worker ${k(s.one_worker.deliveries_per_s)} deliveries/s at ${s.one_worker.worker_cores} cores ` +
        `(${k(s.one_worker.deliveries_per_worker_cpu_s)} per worker CPU-s, DB ${s.one_worker.db_cpu_s_per_1000_deliveries} CPU-s per 1,000); ` +
        `2 workers ${k(s.two_workers.deliveries_per_s)} deliveries/s at ${s.two_workers.worker_cores} cores ` +
        `(${k(s.two_workers.deliveries_per_worker_cpu_s)} per worker CPU-s, DB ${s.two_workers.db_cpu_s_per_1000_deliveries} CPU-s per 1,000); ` +
        `efficiency ${r.scaleout_efficiency} (target >= 0.9: ${pass((r.scaleout_efficiency ?? 0) >= 0.9)})`,
    );
  if (memory && r.peak_rss_mb !== undefined)
    lines.push(
      `Memory: peak RSS ${r.peak_rss_mb} MB (API ${memory.api_peak_rss_mb}, worker ${memory.worker_peak_rss_mb}; target <= 300 MB: ${pass(r.peak_rss_mb <= 300)})`,
    );
  return lines.join('\n');
}
