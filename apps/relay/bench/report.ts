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
import { ratio, round, total } from './stats';

export interface ReportInputs {
  machine: { cpus: number; loadAvgStart: number; loadAvgEnd: number };
  ingest: Awaited<ReturnType<typeof benchIngest>> & { concurrency: number };
  batching: { platforms: readonly string[]; run: DeliveryRun; httpCeiling: Replay };
  onePerRequest: { platforms: readonly string[]; run: DeliveryRun; httpCeiling: Replay };
  twoWorkers: DeliveryRun;
  dbCeiling: {
    deliveriesPerSecond: number;
    statementsPerDelivery: number;
    rowsWrittenPerDelivery: number;
    chunk: number;
    concurrency: number;
  };
  apiPeakRssMb: number;
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

export function buildReport(inputs: ReportInputs) {
  const { ingest, batching, onePerRequest, twoWorkers, dbCeiling } = inputs;
  const batchingClass = deliveryClass(
    batching.platforms,
    batching.run,
    batching.httpCeiling,
    dbCeiling.deliveriesPerSecond,
  );
  const one = scaleout(batching.run);
  const two = scaleout(twoWorkers);
  const workerPeak = Math.max(
    ...[batching.run, onePerRequest.run, twoWorkers].flatMap((r) => r.workerPeakRssMb),
  );
  const peak = Math.max(workerPeak, inputs.apiPeakRssMb);
  return {
    machine: {
      cpus: inputs.machine.cpus,
      load_avg_1m_start: round(inputs.machine.loadAvgStart, 2),
      load_avg_1m_end: round(inputs.machine.loadAvgEnd, 2),
    },
    ingest: {
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
    },
    delivery: {
      batching: batchingClass,
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
    },
    scaleout: { one_worker: one, two_workers: two },
    memory: { api_peak_rss_mb: round(inputs.apiPeakRssMb, 1), worker_peak_rss_mb: round(workerPeak, 1) },
    ingest_ratio: round(ingest.ratio, 3),
    delivery_ratio: batchingClass.ratio_to_db_ceiling,
    scaleout_efficiency:
      one.deliveries_per_worker_cpu_s === null || two.deliveries_per_worker_cpu_s === null
        ? null
        : round(two.deliveries_per_worker_cpu_s / one.deliveries_per_worker_cpu_s, 3),
    peak_rss_mb: round(peak, 1),
  };
}

export type BenchReport = ReturnType<typeof buildReport>;

const k = (n: number | null) => (n === null ? 'n/a' : n >= 10_000 ? `${round(n / 1000, 1)} K` : `${n}`);
const pass = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');

/** The report for a reader: one line per figure, its ceiling and target. */
export function summary(r: BenchReport): string {
  const { ingest, delivery, scaleout: s } = r;
  const cls = (name: string, c: BenchReport['delivery']['batching']) =>
    `  ${name} (${c.platforms.join(', ')}): ${k(c.events_per_s)} events/s, ${k(c.deliveries_per_s)} deliveries/s ` +
    `(${c.deliveries_per_http_request} deliveries per request, ${c.deliveries_claimed_again} claimed again after a lost group; bare HTTP ceiling ${k(c.http_ceiling.deliveries_per_s)}/s, ` +
    `x${c.ratio_to_http_ceiling}; DB ceiling x${c.ratio_to_db_ceiling}); ` +
    `${c.statements_per_delivery} statements and ${c.rows_written_per_delivery} rows written per delivery`;
  return [
    `Relay bench (${r.machine.cpus} CPUs, load average ${r.machine.load_avg_1m_start} at start, ${r.machine.load_avg_1m_end} at end)`,
    `Ingestion: ${k(ingest.events_per_s)} events/s, batch p50 ${ingest.p50_ms} ms, p99 ${ingest.p99_ms} ms ` +
      `(${ingest.batch_records}-record batches, ${ingest.concurrency} in flight); ` +
      `driver INSERT ceiling ${k(ingest.ceiling.events_per_s)} events/s; ratio ${r.ingest_ratio} ` +
      `(target >= 0.5: ${pass(r.ingest_ratio >= 0.5)}; p99 <= 100 ms: ${pass(ingest.p99_ms <= 100)})`,
    `Delivery (database ceiling ${k(delivery.db_ceiling.deliveries_per_s)} deliveries/s: ` +
      `${delivery.db_ceiling.statements_per_delivery} statements and ${delivery.db_ceiling.rows_written_per_delivery} rows per delivery)`,
    cls('batching', delivery.batching),
    cls('one per request', delivery.one_per_request),
    `  delivery_ratio ${r.delivery_ratio} (target >= 0.5: ${pass(r.delivery_ratio >= 0.5)})`,
    `Scale-out: 1 worker ${k(s.one_worker.deliveries_per_s)} deliveries/s at ${s.one_worker.worker_cores} cores ` +
      `(${k(s.one_worker.deliveries_per_worker_cpu_s)} per worker CPU-s, DB ${s.one_worker.db_cpu_s_per_1000_deliveries} CPU-s per 1,000); ` +
      `2 workers ${k(s.two_workers.deliveries_per_s)} deliveries/s at ${s.two_workers.worker_cores} cores ` +
      `(${k(s.two_workers.deliveries_per_worker_cpu_s)} per worker CPU-s, DB ${s.two_workers.db_cpu_s_per_1000_deliveries} CPU-s per 1,000); ` +
      `efficiency ${r.scaleout_efficiency} (target >= 0.9: ${pass((r.scaleout_efficiency ?? 0) >= 0.9)})`,
    `Memory: peak RSS ${r.peak_rss_mb} MB (API ${r.memory.api_peak_rss_mb}, worker ${r.memory.worker_peak_rss_mb}; target <= 300 MB: ${pass(r.peak_rss_mb <= 300)})`,
  ].join('\n');
}
