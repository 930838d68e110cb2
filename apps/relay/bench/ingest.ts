/**
 * Ingestion: POST /v1/events with 500-record batches to the API process over keep-alive HTTP,
 * `concurrency` requests in flight; events/s and per-batch latency (p50/p99), the API's and
 * MariaDB's CPU, the statements each batch cost, measured after warm-up batches (the API's
 * steady state). Its ceiling, measured right after on the same table: the same rows written
 * straight through the driver, one multi-row INSERT per batch, the same concurrency.
 */
import { randomUUID } from 'node:crypto';
import { dedupKeyOf } from '@relay/core';
import { cpuMeter } from './proc-stats';
import type { BenchRelay } from './counted-relay';
import { perUnit } from './statement-counts';
import { percentile, ratio } from './stats';
import { type BenchDatabase, omsBatch, postBatch, runConcurrently } from './support';

export const RECORDS_PER_BATCH = 500;
/** Batches posted before the measured ones, at most (see benchIngest). */
export const WARMUP_BATCHES = 20;

export interface IngestOptions {
  batches: number;
  concurrency: number;
  storefront: { id: number; code: string };
  mariadbPid: number | null;
}

export async function benchIngest(db: BenchDatabase, api: BenchRelay, options: IngestOptions) {
  const { batches, concurrency, storefront } = options;
  const bodies = Array.from({ length: batches }, (_, i) =>
    JSON.stringify(omsBatch(storefront.code, `ingest${i}`, RECORDS_PER_BATCH)),
  );
  // Warm up until the API is in its steady state: V8 optimises the request path over its first
  // batches (with one warm-up batch, 60 measured batches cost 26–36 ms of API CPU per 1,000
  // events, 19–21 after 20 warm-up batches, and the slow first batches made the p99). Same
  // concurrency, which also opens the pool's connections; no more than the run measures.
  await runConcurrently(Math.min(WARMUP_BATCHES, batches), concurrency, (i) =>
    postBatch(
      api.url,
      JSON.stringify(omsBatch(storefront.code, `warmup${i}`, RECORDS_PER_BATCH)),
      RECORDS_PER_BATCH,
    ),
  );

  await api.takeCounts();
  const cpu = cpuMeter([api.pid, options.mariadbPid]);
  const started = performance.now();
  const latencies = await runConcurrently(batches, concurrency, (i) =>
    postBatch(api.url, bodies[i]!, RECORDS_PER_BATCH),
  );
  const seconds = (performance.now() - started) / 1000;
  const [apiCpu, dbCpu] = cpu.read();
  const perBatch = perUnit(await api.takeCounts(), batches);
  const events = batches * RECORDS_PER_BATCH;
  const ceiling = await insertCeiling(db, options);
  return {
    events,
    seconds,
    eventsPerSecond: events / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    apiCpuSeconds: apiCpu ?? null,
    dbCpuSeconds: dbCpu ?? null,
    statementsPerBatch: perBatch.statements,
    rowsWrittenPerBatch: perBatch.rowsWritten,
    ceiling,
    ratio: ratio(events / seconds, ceiling.eventsPerSecond),
  };
}

/** The events rows the relay writes for these records (columns in `rowColumns` order). */
function eventRows(storefront: { id: number; code: string }, prefix: string, requestId: string) {
  return omsBatch(storefront.code, prefix, RECORDS_PER_BATCH).data.map((record) => [
    storefront.id,
    storefront.code,
    dedupKeyOf(record),
    record.event_name,
    new Date(record.event_time),
    record.order_id,
    JSON.stringify(record),
    requestId,
    'pending',
  ]);
}

const INSERT_EVENTS = `INSERT INTO events (storefront_id, storefront_code, dedup_key, event_name, event_time, order_id, payload, request_id, status) VALUES ${Array.from(
  { length: RECORDS_PER_BATCH },
  () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)',
).join(', ')}`;

/** The database's own ingest ceiling: the same rows, one multi-row INSERT per batch, same concurrency. */
async function insertCeiling(db: BenchDatabase, options: IngestOptions) {
  const { batches, concurrency, storefront } = options;
  const params = Array.from({ length: batches }, (_, i) =>
    eventRows(storefront, `ceiling${i}`, randomUUID()).flat(),
  );
  const started = performance.now();
  const latencies = await runConcurrently(batches, concurrency, async (i) => {
    await db.pool.query(INSERT_EVENTS, params[i]);
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    eventsPerSecond: (batches * RECORDS_PER_BATCH) / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
