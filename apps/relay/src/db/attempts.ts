import type { PoolConnection } from 'mariadb';
import { type Db, driverPool } from './client';
import { datetimeText, inDriverTransaction, tuples } from './driver';
import { type Queryable, sql } from './sql';

/**
 * The audit trail: `http_exchanges` (each HTTP request to a platform, once) and
 * `delivery_attempts` (one row per attempt of a delivery, pointing at the request that carried
 * it). The only module that writes them.
 */

/** One HTTP request as `deliver()` reported it, with the deliveries it carried. */
export interface ExchangeRow {
  platformCode: string;
  method: string;
  url: string;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  requestExcerpt: string;
  responseExcerpt: string;
  /** One per delivery the request carried. */
  attempts: AttemptRow[];
}

export interface AttemptRow {
  deliveryId: bigint;
  attempt: number;
  outcome: string;
  reason: string | null;
  /** The privacy policy that applied (its hash) and the record keys it removed, when one did. */
  policyHash?: string | null;
  removedFields?: string[] | null;
}

const privacyColumns = (a: AttemptRow) => [
  a.policyHash ?? null,
  a.removedFields ? JSON.stringify(a.removedFields) : null,
];

/** An attempt decided without an HTTP request (too old for the platform, unmapped, bad credential). */
export interface UnsentAttemptRow extends AttemptRow {
  startedAt: Date;
}

/**
 * How the server numbers the rows of one multi-row INSERT: with `innodb_autoinc_lock_mode` 0 or 1
 * (MariaDB's default) InnoDB gives a "simple insert" consecutive ids, the first one being the
 * insert id the server answers and each next one `auto_increment_increment` further; with 2
 * (MySQL 8's default) another session's rows may be interleaved, so the ids cannot be derived.
 */
export interface AutoIncrementLayout {
  consecutive: boolean;
  step: number;
}

const layouts = new WeakMap<object, Promise<AutoIncrementLayout>>();

/** The server's auto-increment layout, read once per client (settings a running server keeps). */
export function autoIncrementLayout(db: Db): Promise<AutoIncrementLayout> {
  let layout = layouts.get(db);
  if (!layout) {
    layout = driverPool(db)
      .then((pool) =>
        pool.query({
          sql: 'SELECT @@innodb_autoinc_lock_mode, @@auto_increment_increment',
          rowsAsArray: true,
        }),
      )
      .then((found: Array<[number | bigint, number | bigint]>) => {
        const [mode, step] = found[0]!;
        return { consecutive: Number(mode) <= 1, step: Math.max(1, Number(step)) };
      });
    // A failed read is tried again by the next caller.
    layout.catch(() => layouts.delete(db));
    layouts.set(db, layout);
  }
  return layout;
}

const EXCHANGE_COLUMNS =
  'platform_code, method, url, started_at, duration_ms, status_code, event_count, request_excerpt, response_excerpt';

/** The ids of `exchanges`, in order: one multi-row INSERT when the server numbers it consecutively. */
async function insertExchanges(
  conn: PoolConnection,
  exchanges: readonly ExchangeRow[],
  layout: AutoIncrementLayout,
): Promise<bigint[]> {
  const insert = async (list: readonly ExchangeRow[]) => {
    const values: unknown[] = [];
    for (const x of list)
      values.push(
        x.platformCode,
        x.method,
        x.url.slice(0, 2048),
        datetimeText(x.startedAt),
        x.durationMs,
        x.statusCode,
        x.attempts.length,
        x.requestExcerpt,
        x.responseExcerpt,
      );
    const ok = (await conn.query(
      `INSERT INTO http_exchanges (${EXCHANGE_COLUMNS}) VALUES ${tuples(list.length, 9)}`,
      values,
    )) as { insertId: bigint | number };
    // The (first) id of the rows just inserted, as the server answered it.
    return BigInt(ok.insertId);
  };
  if (layout.consecutive) {
    const first = await insert(exchanges);
    return exchanges.map((_, i) => first + BigInt(i * layout.step));
  }
  const ids: bigint[] = [];
  for (const x of exchanges) ids.push(await insert([x]));
  return ids;
}

const ATTEMPT_COLUMNS =
  'delivery_id, attempt, exchange_id, started_at, duration_ms, status_code, outcome, reason, policy_hash, removed_fields';

/**
 * The audit trail, in one transaction on the driver pool (db/driver.ts: a 500-delivery batch is
 * 5,000 parameters): each HTTP request once in `http_exchanges` (its excerpts are shared by every
 * delivery it carried; all of a batch's requests in one multi-row INSERT where the server numbers
 * its rows consecutively, else one INSERT each), then one multi-row insert of the attempts, those
 * decided without a request included (no exchange, no status code). A platform that takes one
 * event per request thus costs four statements per batch of requests, not two per request.
 *
 * It runs after the platform answered, so giving up costs a re-send: it waits for a connection as
 * long as the pool allows and has no time limit of its own (Prisma's 5 s limit was exceeded by a
 * CPU-starved worker, and whole groups were sent again).
 */
export async function recordAttempts(
  db: Db,
  exchanges: readonly ExchangeRow[],
  unsent: readonly UnsentAttemptRow[] = [],
  layout?: AutoIncrementLayout,
): Promise<void> {
  if (exchanges.length === 0 && unsent.length === 0) return;
  const pool = await driverPool(db);
  const numbering = exchanges.length > 1 ? (layout ?? (await autoIncrementLayout(db))) : undefined;
  await inDriverTransaction(pool, 'START TRANSACTION', async (conn) => {
    const values: unknown[] = [];
    let count = 0;
    for (const a of unsent) {
      values.push(a.deliveryId, a.attempt, null, datetimeText(a.startedAt), 0, null, a.outcome, a.reason);
      values.push(...privacyColumns(a));
      count++;
    }
    const ids =
      exchanges.length === 0
        ? []
        : await insertExchanges(conn, exchanges, numbering ?? { consecutive: true, step: 1 });
    exchanges.forEach((x, i) => {
      const startedAt = datetimeText(x.startedAt);
      for (const a of x.attempts) {
        values.push(
          a.deliveryId,
          a.attempt,
          ids[i],
          startedAt,
          x.durationMs,
          x.statusCode,
          a.outcome,
          a.reason,
        );
        values.push(...privacyColumns(a));
        count++;
      }
    });
    if (count === 0) return;
    await conn.query(
      `INSERT INTO delivery_attempts (${ATTEMPT_COLUMNS}) VALUES ${tuples(count, 10)}`,
      values,
    );
  });
}

/** HTTP exchanges started before the cutoff that no attempt refers to any more. */
const unusedBefore = (cutoff: Date) => sql`FROM http_exchanges x
  WHERE x.started_at < ${cutoff} AND NOT EXISTS (SELECT 1 FROM delivery_attempts a WHERE a.exchange_id = x.id)`;

export async function countUnusedExchangesBefore(db: Queryable, cutoff: Date): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: bigint }>>(sql`SELECT COUNT(*) AS n ${unusedBefore(cutoff)}`);
  return Number(row?.n ?? 0);
}

/** Delete up to `limit` unused exchanges started before `cutoff`; returns how many. */
export async function deleteUnusedExchangesBefore(
  db: Queryable,
  cutoff: Date,
  limit: number,
): Promise<number> {
  const n = await db.$executeRaw(
    sql`DELETE FROM http_exchanges WHERE id IN (SELECT id FROM (SELECT x.id ${unusedBefore(cutoff)} ORDER BY 1 LIMIT ${limit}) AS batch)`,
  );
  return Number(n);
}
