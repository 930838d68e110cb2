import type { Delivery } from '../generated/prisma/client';
import type { PoolConnection } from 'mariadb';
import { type Db, driverPool } from './client';
import { datetimeText, inDriverTransaction, marks } from './driver';
import type { EventRow } from './events';
import { reasonGroupSql } from './reason-group';
import { type Queryable, type Sql, empty, inList, raw, sql } from './sql';
import {
  type CompletionStatus,
  type DeliveryStatus,
  OPEN_DELIVERY_STATUSES,
  type ReplayableDeliveryStatus,
} from './statuses';

/**
 * The `deliveries` table: the only module that writes it. One delivery per (event, destination),
 * written by `insertDeliveries` only; the worker claims, renews, completes and reaps them with
 * fenced statements; the admin API replays them.
 */

export type { Delivery };

/**
 * A delivery to write: where it goes, and how it starts (`pending`, already stopped, or
 * `delivered` when an import records what the replaced service already sent).
 */
export interface NewDelivery {
  eventId: bigint;
  /** `credential:12`, `sgtm:3` or `storefront`: unique per event. */
  destinationKey: string;
  platformCode: string;
  credentialId: number | null;
  sgtmConfigId: number | null;
  status: Extract<DeliveryStatus, 'pending' | 'suppressed' | 'skipped' | 'delivered'>;
  reason: string | null;
}

/** The one statement that inserts deliveries, due now, and its parameters (see `insertDeliveries`). */
function insertDeliveriesStatement(deliveries: readonly NewDelivery[]): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  for (const d of deliveries)
    values.push(
      d.eventId,
      d.destinationKey,
      d.platformCode,
      d.credentialId,
      d.sgtmConfigId,
      d.status,
      d.reason,
    );
  return {
    sql: `INSERT IGNORE INTO deliveries (event_id, destination_key, platform_code, credential_id, sgtm_config_id, status, reason, next_attempt_at)
          VALUES ${new Array<string>(deliveries.length).fill(`(${marks(7)}, NOW(3))`).join(', ')}`,
    values,
  };
}

/**
 * Write deliveries, due now. `INSERT IGNORE` on the unique (event_id, destination_key): routing
 * an event twice (after a crash) adds nothing twice. The only statement that inserts deliveries
 * (`insertDeliveriesOn` sends it on a driver connection). Returns how many rows were inserted.
 */
export async function insertDeliveries(db: Queryable, deliveries: readonly NewDelivery[]): Promise<number> {
  if (deliveries.length === 0) return 0;
  const insert = insertDeliveriesStatement(deliveries);
  return Number(await db.$executeRawUnsafe(insert.sql, ...insert.values));
}

/** `insertDeliveries` inside a driver transaction (the router's, db/events.ts `finishRouting`). */
export async function insertDeliveriesOn(
  conn: PoolConnection,
  deliveries: readonly NewDelivery[],
): Promise<number> {
  if (deliveries.length === 0) return 0;
  const insert = insertDeliveriesStatement(deliveries);
  return ((await conn.query(insert.sql, insert.values)) as { affectedRows: number }).affectedRows;
}

/** A leased delivery with what sending it needs: its own columns and its event's (`EventRow`). */
export interface ClaimedDelivery extends Omit<EventRow, 'id'> {
  id: bigint;
  event_id: bigint;
  destination_key: string;
  platform_code: string;
  credential_id: number | null;
  sgtm_config_id: number | null;
  attempts: number;
  first_attempt_at: Date;
  /** X-Request-Id of the ingest request (null for events inserted directly). */
  request_id: string | null;
}

/**
 * Claim due deliveries (on the driver pool, db/driver.ts: a claim reads thousands of cells): a
 * short READ COMMITTED transaction selects them with
 * `FOR UPDATE SKIP LOCKED` (index: status, next_attempt_at, id), marks them leased to `owner`
 * until now + `leaseMs` and counts the attempt, then commits, before any HTTP call.
 * `exclude` leaves out platforms whose lanes are full; `room` caps how many of one platform this
 * claim takes (what its lane can send soon): rows selected beyond it stay pending and are unlocked
 * at commit, for the next claim or another worker.
 */
export async function claimDeliveries(
  db: Db,
  owner: string,
  limit: number,
  leaseMs: number,
  exclude: ReadonlyArray<string> = [],
  room: (platform: string) => number = () => Number.POSITIVE_INFINITY,
): Promise<ClaimedDelivery[]> {
  const pool = await driverPool(db);
  const due = `status = ? AND next_attempt_at <= NOW(3)${exclude.length > 0 ? ` AND platform_code NOT IN (${marks(exclude.length)})` : ''}`;
  const dueValues = ['pending' satisfies DeliveryStatus, ...exclude];
  // One plain read first: nothing due is the common answer of an idle or lane-bound worker, and an
  // empty claim would cost four round trips (isolation level, BEGIN, SELECT, COMMIT).
  const any = (await pool.query(
    { sql: `SELECT id FROM deliveries WHERE ${due} LIMIT 1`, rowsAsArray: true },
    dueValues,
  )) as unknown[];
  if (any.length === 0) return [];
  return inDriverTransaction(pool, 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED', async (conn) => {
    const candidates = (
      (await conn.query(
        {
          sql: `SELECT id, platform_code FROM deliveries WHERE ${due}
                ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED`,
          rowsAsArray: true,
        },
        [...dueValues, Math.max(1, Math.floor(limit))],
      )) as Array<[bigint, string]>
    ).map(([id, platform_code]) => ({ id, platform_code }));
    const ids = withinRoom(candidates, room);
    if (ids.length === 0) return [];
    await conn.query(
      `UPDATE deliveries SET status = ?, lease_owner = ?, lease_until = NOW(3) + INTERVAL ? MICROSECOND,
         attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, NOW(3)), last_attempt_at = NOW(3)
       WHERE id IN (${marks(ids.length)})`,
      ['leased' satisfies DeliveryStatus, owner, leaseMs * 1000, ...ids],
    );
    // The deliveries, then their events once each: an event with several destinations is read
    // (and its payload sent over the wire and mapped) once, not once per delivery.
    const deliveries = (await conn.query(
      `SELECT id, event_id, destination_key, platform_code, credential_id, sgtm_config_id, attempts, first_attempt_at
       FROM deliveries WHERE id IN (${marks(ids.length)}) ORDER BY id`,
      ids,
    )) as LeasedRow[];
    const eventIds = [...new Set(deliveries.map((d) => d.event_id))];
    const events = (await conn.query(
      `SELECT id, storefront_id, storefront_code, dedup_key, event_name, event_time, order_id, payload, request_id
       FROM events WHERE id IN (${marks(eventIds.length)})`,
      eventIds,
    )) as Array<ClaimedEventRow & { id: bigint }>;
    return joinEvents(deliveries, events);
  });
}

/** A leased delivery's own columns, as the claim reads them. */
type LeasedRow = Pick<
  ClaimedDelivery,
  | 'id'
  | 'event_id'
  | 'destination_key'
  | 'platform_code'
  | 'credential_id'
  | 'sgtm_config_id'
  | 'attempts'
  | 'first_attempt_at'
>;

/** The event columns a claimed delivery carries. */
type ClaimedEventRow = Omit<ClaimedDelivery, keyof LeasedRow>;

/** Pure: each delivery with its event's columns (a delivery whose event is gone is left out, as a join would). */
export function joinEvents(
  deliveries: readonly LeasedRow[],
  events: ReadonlyArray<ClaimedEventRow & { id: bigint }>,
): ClaimedDelivery[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const joined: ClaimedDelivery[] = [];
  for (const d of deliveries) {
    const e = byId.get(d.event_id);
    if (!e) continue;
    // Spelled out: spreading the driver's row objects costs several times more per row.
    joined.push({
      id: d.id,
      event_id: d.event_id,
      destination_key: d.destination_key,
      platform_code: d.platform_code,
      credential_id: d.credential_id,
      sgtm_config_id: d.sgtm_config_id,
      attempts: d.attempts,
      first_attempt_at: d.first_attempt_at,
      storefront_id: e.storefront_id,
      storefront_code: e.storefront_code,
      dedup_key: e.dedup_key,
      event_name: e.event_name,
      event_time: e.event_time,
      order_id: e.order_id,
      payload: e.payload,
      request_id: e.request_id,
    });
  }
  return joined;
}

/** Pure: the ids of `due` (in order) taking at most `room(platform)` per platform. */
export function withinRoom(
  due: ReadonlyArray<{ id: bigint; platform_code: string }>,
  room: (platform: string) => number,
): bigint[] {
  const left = new Map<string, number>();
  const ids: bigint[] = [];
  for (const { id, platform_code } of due) {
    const n = left.get(platform_code) ?? room(platform_code);
    if (n < 1) continue;
    left.set(platform_code, n - 1);
    ids.push(id);
  }
  return ids;
}

/** How a leased delivery ends (or is rescheduled: `pending` with `nextAttemptAt`). */
export interface Completion {
  id: bigint;
  status: CompletionStatus;
  reason: string | null;
  nextAttemptAt?: Date;
  platformEventName?: string | null;
  /** Give back the attempt the claim counted (a paused delivery spends none). */
  refundAttempt?: boolean;
}

/**
 * Fenced completion (on the driver pool, db/driver.ts): only the lease owner may finish a
 * delivery, and only while it is leased.
 * Returns the ids whose lease was lost (their result is dropped; another worker owns them).
 */
export async function completeDeliveries(
  db: Db,
  owner: string,
  completions: readonly Completion[],
): Promise<bigint[]> {
  // Deliveries that end the same way are finished with one statement (a batch usually is).
  const groups = new Map<string, Completion[]>();
  for (const c of completions) {
    const key = JSON.stringify([
      c.status,
      c.reason,
      c.nextAttemptAt?.getTime() ?? null,
      c.platformEventName ?? null,
      c.refundAttempt === true,
    ]);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const pool = await driverPool(db);
  const lost: bigint[] = [];
  for (const group of groups.values()) {
    const { status, reason, nextAttemptAt, platformEventName, refundAttempt } = group[0]!;
    const ids = group.map((c) => c.id);
    const refund = refundAttempt ? ', attempts = GREATEST(attempts - 1, 0)' : '';
    const { affectedRows } = (await pool.query(
      `UPDATE deliveries SET status = ?${refund}, reason = ?, next_attempt_at = COALESCE(?, next_attempt_at),
         platform_event_name = COALESCE(?, platform_event_name), lease_owner = NULL, lease_until = NULL
       WHERE id IN (${marks(ids.length)}) AND lease_owner = ? AND status = ?`,
      [
        status,
        reason,
        nextAttemptAt ? datetimeText(nextAttemptAt) : null,
        platformEventName ?? null,
        ...ids,
        owner,
        'leased' satisfies DeliveryStatus,
      ],
    )) as { affectedRows: number };
    if (affectedRows === ids.length) continue;
    // Some leases were lost (expired and taken by another worker): find which, to report them.
    const finished = (await pool.query(
      {
        sql: `SELECT id FROM deliveries WHERE id IN (${marks(ids.length)}) AND status = ? AND lease_owner IS NULL`,
        rowsAsArray: true,
      },
      [...ids, status],
    )) as Array<[bigint]>;
    const done = new Set(finished.map(([id]) => String(id)));
    lost.push(...ids.filter((id) => !done.has(String(id))));
  }
  return lost;
}

/** Push the lease of deliveries this worker still holds to now + `leaseMs`; returns how many. */
export async function extendLeases(
  db: Db,
  owner: string,
  ids: readonly bigint[],
  leaseMs: number,
): Promise<number> {
  if (ids.length === 0) return 0;
  const count = await db.$executeRaw(
    sql`UPDATE deliveries SET lease_until = NOW(3) + INTERVAL ${leaseMs * 1000} MICROSECOND
        WHERE id IN (${inList(ids)}) AND lease_owner = ${owner} AND status = ${'leased' satisfies DeliveryStatus}`,
  );
  return Number(count);
}

/**
 * Return expired leases to pending (a crashed worker's claims); returns how many. The expired
 * ones are found by a plain read first and updated by id, the expiry checked again: a range
 * UPDATE over the (status, lease_until) index locked index entries before rows, the opposite of a
 * completion, and the two deadlocked (the reaper, rolled back, lost its pass). Nothing expired,
 * the common case, costs one read.
 */
export async function reapExpiredLeases(db: Db, batch = 1000): Promise<number> {
  let reaped = 0;
  for (;;) {
    const expired = await db.$queryRaw<Array<{ id: bigint }>>(
      sql`SELECT id FROM deliveries WHERE status = ${'leased' satisfies DeliveryStatus} AND lease_until < NOW(3)
          ORDER BY id LIMIT ${batch}`,
    );
    if (expired.length === 0) return reaped;
    const count = await db.$executeRaw(
      sql`UPDATE deliveries SET status = ${'pending' satisfies DeliveryStatus}, lease_owner = NULL, lease_until = NULL, next_attempt_at = NOW(3)
          WHERE id IN (${inList(expired.map((r) => r.id))}) AND status = ${'leased' satisfies DeliveryStatus} AND lease_until < NOW(3)`,
    );
    reaped += Number(count);
    if (expired.length < batch) return reaped;
  }
}

/**
 * Resume the paused deliveries of credentials that are no longer paused (updated, or deleted:
 * those then finish as suppressed when claimed), due now; `credentialId` limits it to one.
 * Run on a credential update and by the reaper, which also catches a pause that raced an update.
 */
export async function resumePausedDeliveries(db: Db, credentialId?: number): Promise<number> {
  const one = credentialId === undefined ? empty : sql`AND d.credential_id = ${credentialId}`;
  const n = await db.$executeRaw(
    sql`UPDATE deliveries d LEFT JOIN credentials c ON c.id = d.credential_id
        SET d.status = ${'pending' satisfies DeliveryStatus}, d.next_attempt_at = NOW(3)
        WHERE d.status = ${'paused' satisfies DeliveryStatus} AND c.paused_at IS NULL ${one}`,
  );
  return Number(n);
}

/** Reset deliveries to pending, due now, with a fresh retry budget (the attempt history stays). */
const replaySet = (t: string): Sql => {
  const c = (column: string) => raw(`${t}${column}`);
  return sql`${c('status')} = ${'pending' satisfies DeliveryStatus}, ${c('attempts')} = 0, ${c('first_attempt_at')} = NULL,
    ${c('next_attempt_at')} = NOW(3), ${c('reason')} = CONCAT('replayed; was: ', COALESCE(${c('reason')}, ''))`;
};

/** Replay one event's failed deliveries; returns how many. */
export async function replayEventDeliveries(db: Db, eventId: bigint): Promise<number> {
  const n = await db.$executeRaw(
    sql`UPDATE deliveries SET ${replaySet('')} WHERE event_id = ${eventId} AND status = ${'failed' satisfies DeliveryStatus}`,
  );
  return Number(n);
}

/**
 * Replay one failure group: the failed deliveries to `destinationKey` whose reason's group key
 * (db/reason-group.ts) is `reasonKey`; returns how many.
 */
export async function replayFailedGroup(db: Db, destinationKey: string, reasonKey: string): Promise<number> {
  const n = await db.$executeRaw(
    sql`UPDATE deliveries d SET ${replaySet('d.')}
        WHERE d.status = ${'failed' satisfies DeliveryStatus} AND d.destination_key = ${destinationKey}
          AND ${raw(reasonGroupSql('d.reason'))} = ${reasonKey}`,
  );
  return Number(n);
}

export interface ReplayFilter {
  statuses: readonly ReplayableDeliveryStatus[];
  platformCode?: string;
  storefrontId?: number;
  /** Events that happened at or after. */
  from?: Date;
  /** Events that happened before. */
  to?: Date;
}

/** Replay the deliveries matching the filter; returns how many. A privacy policy's suppressions (reason `privacy: …`) are decisions, never replayed. */
export async function replayDeliveries(db: Db, filter: ReplayFilter): Promise<number> {
  const clauses: Sql[] = [
    sql`d.status IN (${inList(filter.statuses)})`,
    sql`NOT (d.status = ${'suppressed' satisfies DeliveryStatus} AND COALESCE(d.reason, '') LIKE 'privacy:%')`,
  ];
  if (filter.platformCode !== undefined) clauses.push(sql`d.platform_code = ${filter.platformCode}`);
  if (filter.storefrontId !== undefined) clauses.push(sql`e.storefront_id = ${filter.storefrontId}`);
  if (filter.from !== undefined) clauses.push(sql`e.event_time >= ${filter.from}`);
  if (filter.to !== undefined) clauses.push(sql`e.event_time < ${filter.to}`);
  const where = clauses.reduce((all, clause) => sql`${all} AND ${clause}`);
  const n = await db.$executeRaw(
    sql`UPDATE deliveries d JOIN events e ON e.id = d.event_id SET ${replaySet('d.')} WHERE ${where}`,
  );
  return Number(n);
}

/** Open deliveries (pending or leased) per status and platform (a gauge). */
export function countOpenDeliveries(
  db: Db,
): Promise<Array<{ status: DeliveryStatus; platform_code: string; n: bigint }>> {
  return db.$queryRaw(
    sql`SELECT status, platform_code, COUNT(*) n FROM deliveries WHERE status IN (${inList(OPEN_DELIVERY_STATUSES)})
        GROUP BY status, platform_code`,
  );
}

/** Seconds since the oldest due, pending delivery became due (0 when none is). */
export async function oldestDueDeliveryAgeSeconds(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ age: number | string | null }>>(
    sql`SELECT TIMESTAMPDIFF(MICROSECOND, MIN(next_attempt_at), NOW(3)) / 1000000 AS age
        FROM deliveries WHERE status = ${'pending' satisfies DeliveryStatus} AND next_attempt_at <= NOW(3)`,
  );
  return Number(row?.age ?? 0);
}
