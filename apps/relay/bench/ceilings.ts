/**
 * The delivery ceilings, measured in the same run as the relay's figures:
 * - HTTP: a bare loop sending the very requests the adapters built during a relay run (method,
 *   URL, headers, body, as the simulator received them) to the same simulator endpoints, with the
 *   relay's per-platform concurrency, and nothing else;
 * - database: the least bookkeeping a delivery needs, straight through the driver: its row
 *   written (one multi-row INSERT per chunk) and its status updated (one multi-row UPDATE), the
 *   chunk the worker's claim size, `concurrency` chunks in flight.
 */
import { type SimulatorRequest, eventCount } from '@relay/testing';
import { runConcurrently } from './support';
import type { BenchDatabase } from './support';

/** Headers a client sets itself (and must not copy from a recorded request). */
const HOP_BY_HOP = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

export interface Replay {
  seconds: number;
  /** Deliveries the replayed requests carried (events in each body, 1 for a one-event body). */
  deliveries: number;
  requests: number;
}

/**
 * Send `requests` again to `baseUrl`, each platform's in parallel with `concurrencyOf(platform)`
 * in flight. Throws on an answer that is not 2xx.
 */
export async function replayRequests(
  baseUrl: string,
  requests: readonly SimulatorRequest[],
  concurrencyOf: (platform: string) => number,
): Promise<Replay> {
  const byPlatform = new Map<string, SimulatorRequest[]>();
  for (const r of requests) byPlatform.set(r.platform, [...(byPlatform.get(r.platform) ?? []), r]);
  const prepared = [...byPlatform].map(([platform, list]) => ({
    platform,
    list: list.map((r) => ({
      url: `${baseUrl}${r.url}`,
      init: {
        method: r.method,
        headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => !HOP_BY_HOP.has(k))),
        ...(r.method !== 'GET' && r.method !== 'HEAD' && { body: r.body }),
      },
    })),
  }));
  const started = performance.now();
  await Promise.all(
    prepared.map(({ platform, list }) =>
      runConcurrently(list.length, concurrencyOf(platform), async (i) => {
        const res = await fetch(list[i]!.url, list[i]!.init);
        await res.arrayBuffer();
        if (res.status >= 300) throw new Error(`replayed ${platform} request answered ${res.status}`);
      }),
    ),
  );
  return {
    seconds: (performance.now() - started) / 1000,
    deliveries: requests.reduce((n, r) => n + eventCount(r.json), 0),
    requests: requests.length,
  };
}

export interface BookkeepingOptions {
  /** Events whose deliveries the ceiling writes (rows that exist: deliveries reference them). */
  eventIds: readonly bigint[];
  platforms: readonly string[];
  /** Deliveries per INSERT and per UPDATE (the worker's claim size). */
  chunk: number;
  concurrency: number;
}

/**
 * The database ceiling for delivery bookkeeping: one delivery per (event, platform) with the
 * columns the router writes, inserted `chunk` rows at a time, then those rows marked delivered
 * with one UPDATE (by event id, on the unique (event_id, destination_key) index). Returns
 * deliveries/s and the statements and rows written per delivery it took.
 */
export async function bookkeepingCeiling(db: BenchDatabase, options: BookkeepingOptions) {
  const { platforms } = options;
  const eventsPerChunk = Math.max(1, Math.floor(options.chunk / platforms.length));
  const chunks: bigint[][] = [];
  for (let i = 0; i < options.eventIds.length; i += eventsPerChunk)
    chunks.push(options.eventIds.slice(i, i + eventsPerChunk));
  const keys = platforms.map((p) => `ceiling:${p}`);
  const statements = chunks.map((ids) => {
    const rows = ids.flatMap((id) => platforms.map((p, k) => [id, keys[k], p]));
    return {
      insert: {
        sql: `INSERT INTO deliveries (event_id, destination_key, platform_code, credential_id, sgtm_config_id, status, reason, next_attempt_at)
              VALUES ${rows.map(() => "(?, ?, ?, NULL, NULL, 'pending', NULL, NOW(3))").join(', ')}`,
        values: rows.flat(),
      },
      update: {
        sql: `UPDATE deliveries SET status = 'delivered', lease_owner = NULL, lease_until = NULL
              WHERE event_id IN (${ids.map(() => '?').join(', ')}) AND destination_key IN (${keys.map(() => '?').join(', ')})`,
        values: [...ids, ...keys],
      },
      deliveries: rows.length,
    };
  });
  let rowsWritten = 0;
  const started = performance.now();
  await runConcurrently(statements.length, options.concurrency, async (i) => {
    const s = statements[i]!;
    const inserted = (await db.pool.query(s.insert.sql, s.insert.values)) as { affectedRows: number };
    const updated = (await db.pool.query(s.update.sql, s.update.values)) as { affectedRows: number };
    if (inserted.affectedRows !== s.deliveries || updated.affectedRows !== s.deliveries)
      throw new Error(
        `ceiling chunk wrote ${inserted.affectedRows} and updated ${updated.affectedRows} of ${s.deliveries} rows`,
      );
    rowsWritten += inserted.affectedRows + updated.affectedRows;
  });
  const seconds = (performance.now() - started) / 1000;
  const deliveries = statements.reduce((n, s) => n + s.deliveries, 0);
  return {
    deliveriesPerSecond: deliveries / seconds,
    statementsPerDelivery: (statements.length * 2) / deliveries,
    rowsWrittenPerDelivery: rowsWritten / deliveries,
    chunk: eventsPerChunk * platforms.length,
    concurrency: options.concurrency,
  };
}
