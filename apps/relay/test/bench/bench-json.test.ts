/**
 * `pnpm bench --json` in smoke mode (tiny sizes): one JSON object on stdout with every figure,
 * ceiling and ratio a finite number, and the counts that do not depend on timing exact.
 * No timing asserts: the machine is shared.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TEST_SERVER_URL } from '../support/database';

const run = promisify(execFile);
const HOST_DIR = resolve(import.meta.dirname, '../..');

/** Every leaf of `value` as `path: value`. */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

const DELIVERY_CLASS = [
  'events',
  'deliveries',
  'seconds',
  'events_per_s',
  'deliveries_per_s',
  'http_requests',
  'deliveries_claimed_again',
  'deliveries_per_http_request',
  'worker_cpu_s',
  'db_cpu_s',
  'statements_per_delivery',
  'rows_written_per_delivery',
  'http_ceiling.deliveries_per_s',
  'http_ceiling.events_per_s',
  'http_ceiling.requests_per_s',
  'ratio_to_http_ceiling',
  'ratio_to_db_ceiling',
];
const SCALEOUT = [
  'workers',
  'deliveries',
  'deliveries_per_s',
  'worker_cores',
  'db_cores',
  'deliveries_per_worker_cpu_s',
  'db_cpu_s_per_1000_deliveries',
];

/** The numeric figures the JSON must carry (besides the per-kind and per-table breakdowns). */
const NUMBERS = [
  'machine.cpus',
  'machine.load_avg_1m_start',
  'machine.load_avg_1m_end',
  'ingest.events',
  'ingest.batch_records',
  'ingest.concurrency',
  'ingest.events_per_s',
  'ingest.p50_ms',
  'ingest.p99_ms',
  'ingest.api_cpu_ms_per_1000_events',
  'ingest.db_cpu_ms_per_1000_events',
  'ingest.statements_per_batch',
  'ingest.rows_written_per_batch',
  'ingest.ceiling.events_per_s',
  'ingest.ceiling.p50_ms',
  'ingest.ceiling.p99_ms',
  ...DELIVERY_CLASS.map((k) => `delivery.batching.${k}`),
  ...DELIVERY_CLASS.map((k) => `delivery.one_per_request.${k}`),
  'delivery.db_ceiling.deliveries_per_s',
  'delivery.db_ceiling.statements_per_delivery',
  'delivery.db_ceiling.rows_written_per_delivery',
  'delivery.db_ceiling.chunk',
  'delivery.db_ceiling.concurrency',
  ...SCALEOUT.map((k) => `scaleout.one_worker.${k}`),
  ...SCALEOUT.map((k) => `scaleout.two_workers.${k}`),
  'memory.api_peak_rss_mb',
  'memory.worker_peak_rss_mb',
  'ingest_ratio',
  'delivery_ratio',
  'scaleout_efficiency',
  'peak_rss_mb',
];

/** `pnpm bench --json <args>` at smoke sizes: the one JSON line it prints, parsed. */
async function bench(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--conditions=@relay/source', 'bench/index.ts', '--json', ...args],
    {
      cwd: HOST_DIR,
      env: {
        ...process.env,
        BENCH_DATABASE_URL: TEST_SERVER_URL,
        BENCH_INGEST_BATCHES: '2',
        BENCH_EVENTS: '200',
        BENCH_PER_REQUEST_EVENTS: '20',
      },
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

const RATIOS = ['ingest_ratio', 'delivery_ratio', 'scaleout_efficiency', 'peak_rss_mb'];

describe('pnpm bench --json (smoke sizes)', () => {
  it('prints one JSON object with every figure, ceiling and ratio a finite number', async () => {
    // From source: no build needed (the built host is run by the --only case below).
    const report = await bench('--host', 'source');
    const all = new Map(leaves(report));

    for (const path of NUMBERS) {
      expect(all.has(path), path).toBe(true);
      expect(Number.isFinite(all.get(path)), `${path} = ${all.get(path)}`).toBe(true);
    }
    const breakdowns = [...all].filter(([path]) => /_by_(kind|table)\./.test(path));
    for (const [path, value] of breakdowns) expect(Number.isFinite(value), path).toBe(true);
    const arrays = [...all].filter(([, v]) => Array.isArray(v)).map(([path]) => path);
    expect(arrays.sort()).toEqual([
      'delivery.batching.platforms',
      'delivery.one_per_request.platforms',
      'phases',
      'scaleout.one_worker.worker_cpu_s',
      'scaleout.two_workers.worker_cpu_s',
    ]);
    expect(all.get('host')).toBe('source');
    expect(all.size).toBe(NUMBERS.length + breakdowns.length + arrays.length + 1);

    // What does not depend on timing is exact.
    expect(report).toMatchObject({
      phases: ['ingest', 'delivery', 'scaleout', 'memory'],
      ingest: { events: 1000, batch_records: 500, concurrency: 4, rows_written_per_batch: 500 },
      delivery: {
        batching: {
          platforms: ['meta_capi', 'tiktok_events'],
          events: 200,
          deliveries: 400,
          // The router writes each delivery once, the claim and the completion update it, one
          // attempt row each; each event is claimed and finished by the router (2 rows, 2 deliveries).
          rows_written_per_delivery_by_table: {
            'insert deliveries': 1,
            'update deliveries': 2,
            'insert delivery_attempts': 1,
            'update events': 1,
          },
        },
        one_per_request: {
          platforms: ['branch', 'kochava'],
          events: 20,
          deliveries: 40,
          http_requests: 40,
          deliveries_per_http_request: 1,
          rows_written_per_delivery_by_table: { 'insert http_exchanges': 1 },
        },
        db_ceiling: {
          chunk: 500,
          concurrency: 4,
          rows_written_per_delivery: 2,
          statements_per_delivery: 0.005,
        },
      },
      scaleout: { one_worker: { workers: 1, deliveries: 400 }, two_workers: { workers: 2, deliveries: 400 } },
    });
    // One event per request: the bare loop's requests/s are its deliveries/s.
    const single = (report.delivery as { one_per_request: { http_ceiling: Record<string, number> } })
      .one_per_request;
    expect(single.http_ceiling.deliveries_per_s).toBe(single.http_ceiling.requests_per_s);
    const scaleout = report.scaleout as Record<string, { worker_cpu_s: unknown[] }>;
    expect(scaleout.one_worker!.worker_cpu_s).toHaveLength(1);
    expect(scaleout.two_workers!.worker_cpu_s).toHaveLength(2);
    expect(report.delivery_ratio).toBe(
      (report.delivery as { batching: { ratio_to_db_ceiling: number } }).batching.ratio_to_db_ceiling,
    );
  }, 600_000);

  it('--only runs the phases named: their sections and ratios, no others', async () => {
    // The built host by default (node dist/cli.js, built first when older than its sources).
    const ingest = await bench('--only', 'ingest');
    expect(Object.keys(ingest).sort()).toEqual(['host', 'ingest', 'ingest_ratio', 'machine', 'phases']);
    expect(ingest).toMatchObject({
      phases: ['ingest'],
      host: 'built',
      ingest: { events: 1000, rows_written_per_batch: 500 },
    });
    expect(Number.isFinite(ingest.ingest_ratio)).toBe(true);

    // Listed in any order, comma-separated or repeated: reported in the phases' own order.
    const memory = await bench('--only', 'memory,scaleout', '--host', 'source');
    expect(Object.keys(memory).sort()).toEqual([
      'host',
      'machine',
      'memory',
      'peak_rss_mb',
      'phases',
      'scaleout',
      'scaleout_efficiency',
    ]);
    expect(memory).toMatchObject({
      phases: ['scaleout', 'memory'],
      scaleout: { one_worker: { workers: 1, deliveries: 400 }, two_workers: { workers: 2, deliveries: 400 } },
    });
    for (const key of [
      'scaleout_efficiency',
      'peak_rss_mb',
      'memory.api_peak_rss_mb',
      'memory.worker_peak_rss_mb',
    ])
      expect(Number.isFinite(new Map(leaves(memory)).get(key)), key).toBe(true);
    expect(RATIOS.filter((k) => k in memory)).toEqual(['scaleout_efficiency', 'peak_rss_mb']);
  }, 600_000);

  it('--only refuses an unknown phase, naming it and the known ones', async () => {
    await expect(bench('--only', 'ingest,speed')).rejects.toThrow(
      /unknown phase 'speed' \(phases: ingest, delivery, scaleout, memory\)/,
    );
  }, 60_000);
});
