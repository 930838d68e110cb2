import type { Db } from './client';
import { type Queryable, type Tx, rows, sql } from './sql';

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
 * (MariaDB's default) InnoDB gives a "simple insert" consecutive ids, the first one being
 * `LAST_INSERT_ID()` and each next one `auto_increment_increment` further; with 2 (MySQL 8's
 * default) another session's rows may be interleaved, so the ids cannot be derived.
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
    layout = db
      .$queryRaw<[{ mode: number | bigint; step: number | bigint }]>(
        sql`SELECT @@innodb_autoinc_lock_mode AS mode, @@auto_increment_increment AS step`,
      )
      .then(([row]) => ({ consecutive: Number(row.mode) <= 1, step: Math.max(1, Number(row.step)) }));
    // A failed read is tried again by the next caller.
    layout.catch(() => layouts.delete(db));
    layouts.set(db, layout);
  }
  return layout;
}

/** The ids of `exchanges`, in order: one multi-row INSERT when the server numbers it consecutively. */
async function insertExchanges(
  tx: Tx,
  exchanges: readonly ExchangeRow[],
  layout: AutoIncrementLayout,
): Promise<bigint[]> {
  const values = (x: ExchangeRow) => [
    x.platformCode,
    x.method,
    x.url.slice(0, 2048),
    x.startedAt,
    x.durationMs,
    x.statusCode,
    x.attempts.length,
    x.requestExcerpt,
    x.responseExcerpt,
  ];
  const insert = (list: readonly ExchangeRow[]) =>
    tx.$executeRaw(
      sql`INSERT INTO http_exchanges (platform_code, method, url, started_at, duration_ms, status_code, event_count, request_excerpt, response_excerpt)
          VALUES ${rows(list.map(values))}`,
    );
  // Same connection, inside the transaction: the (first) id of the rows just inserted.
  const lastInsertId = async () =>
    (await tx.$queryRaw<[{ id: bigint }]>(sql`SELECT LAST_INSERT_ID() AS id`))[0].id;
  if (layout.consecutive) {
    await insert(exchanges);
    const first = await lastInsertId();
    return exchanges.map((_, i) => first + BigInt(i * layout.step));
  }
  const ids: bigint[] = [];
  for (const x of exchanges) {
    await insert([x]);
    ids.push(await lastInsertId());
  }
  return ids;
}

/**
 * The audit trail, in one transaction: each HTTP request once in `http_exchanges` (its excerpts
 * are shared by every delivery it carried; all of a batch's requests in one multi-row INSERT where
 * the server numbers its rows consecutively, else one INSERT each), then one multi-row insert of
 * the attempts, those decided without a request included (no exchange, no status code). A platform
 * that takes one event per request thus costs a handful of statements per batch of requests, not
 * two per request.
 *
 * It runs after the platform answered, so giving up costs a re-send: it may wait longer for a
 * connection and run longer than Prisma's defaults (2 s, 5 s), which a CPU-starved worker
 * exceeded (the benchmark saw whole groups sent again).
 */
/** Connection wait and run time allowed to the audit transaction (see `recordAttempts`). */
export const AUDIT_TRANSACTION = { maxWait: 10_000, timeout: 30_000 } as const;

export async function recordAttempts(
  db: Db,
  exchanges: readonly ExchangeRow[],
  unsent: readonly UnsentAttemptRow[] = [],
  layout?: AutoIncrementLayout,
): Promise<void> {
  if (exchanges.length === 0 && unsent.length === 0) return;
  const numbering = exchanges.length > 1 ? (layout ?? (await autoIncrementLayout(db))) : undefined;
  await db.$transaction(async (tx) => {
    const attemptRows: unknown[][] = unsent.map((a) => [
      a.deliveryId,
      a.attempt,
      null,
      a.startedAt,
      0,
      null,
      a.outcome,
      a.reason,
      ...privacyColumns(a),
    ]);
    const ids =
      exchanges.length === 0
        ? []
        : await insertExchanges(tx, exchanges, numbering ?? { consecutive: true, step: 1 });
    exchanges.forEach((x, i) => {
      for (const a of x.attempts)
        attemptRows.push([
          a.deliveryId,
          a.attempt,
          ids[i],
          x.startedAt,
          x.durationMs,
          x.statusCode,
          a.outcome,
          a.reason,
          ...privacyColumns(a),
        ]);
    });
    if (attemptRows.length === 0) return;
    await tx.$executeRaw(
      sql`INSERT INTO delivery_attempts (delivery_id, attempt, exchange_id, started_at, duration_ms, status_code, outcome, reason, policy_hash, removed_fields)
          VALUES ${rows(attemptRows)}`,
    );
  }, AUDIT_TRANSACTION);
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
