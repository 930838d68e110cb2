import { ConfigError } from '@relay/core';
import type { Event } from '../generated/prisma/client';
import type { Pool, PoolConnection } from 'mariadb';
import { isDatabaseUnavailable } from './availability';
import { type Db, driverPool } from './client';
import { datetimeText, inDriverTransaction, marks } from './driver';
import { isDeadlock, isUniqueViolation, retryRolledBack } from './errors';
import { type NewDelivery, insertDeliveriesOn } from './deliveries';
import { type Queryable, inList, rows, sql } from './sql';
import { type EventStatus, OPEN_DELIVERY_STATUSES, UNROUTED_EVENT_STATUSES } from './statuses';

/**
 * The `events` table: the only module that writes it. Ingestion inserts, the router claims and
 * finishes, retention deletes; the admin API reads.
 */

export type { Event };

/** A record to store, already judged acceptable (known, active storefront; valid JSON). */
export interface NewEvent {
  storefrontId: number;
  storefrontCode: string;
  dedupKey: string;
  eventName: string;
  eventTime: Date;
  orderId: string;
  /** The whole OMS record as JSON text. */
  payload: string;
  /** X-Request-Id of the POST /v1/events that carried it (logged by the worker). */
  requestId?: string | null;
}

/** An events row as the router and the delivery loop read it. */
export interface EventRow {
  id: bigint;
  storefront_id: number | null;
  storefront_code: string | null;
  dedup_key: string | null;
  event_name: string;
  event_time: Date;
  order_id: string;
  payload: unknown;
}

/** `(storefront_code, dedup_key)` as one string: the unique key events are deduplicated on. */
export const eventKey = (storefrontCode: string, dedupKey: string) => `${storefrontCode}\u0000${dedupKey}`;

const keyPairs = (events: ReadonlyArray<{ storefrontCode: string; dedupKey: string }>) =>
  rows(events.map((e) => [e.storefrontCode, e.dedupKey]));

/**
 * How `insertEvents` stores a batch (chosen from the server once: see `insertPathFor`):
 * - `insert`: one autocommit `INSERT … RETURNING` of the whole batch (MariaDB 10.5+ in strict
 *   mode). InnoDB stores all its rows or none; a duplicate key (or any row the server refuses)
 *   fails the statement, which is rolled back, and the batch goes the `insert-ignore` way.
 * - `insert-ignore`: a transaction with `INSERT IGNORE … RETURNING` (MariaDB 10.5+).
 * - `snapshot`: a REPEATABLE READ transaction reading stored keys, inserting, reading ids
 *   (servers without RETURNING: MySQL).
 */
export type InsertPath = 'insert' | 'insert-ignore' | 'snapshot';

/**
 * Store new events; returns the id of each row this call inserted, by `eventKey`. Keys already
 * stored (or stored by a concurrent request meanwhile) and keys repeated within `events` (after
 * their first) are absent from the result: the caller reports them as duplicates.
 *
 * Statements go to the driver pool under Prisma (`driverPool`): for a 500-row batch Prisma's own
 * handling of 4,500 parameters cost the API ~6× the CPU the driver does. The unique
 * (storefront_code, dedup_key) index does the dedup, which holds against concurrent batches too.
 * A batch of new keys costs one statement (`insert`, committed when it answers); a batch with a
 * duplicate costs that failed statement and the `insert-ignore` transaction (see InsertPath).
 *
 * `INSERT IGNORE` may hide nothing but a duplicate key: every row it skipped must be found by a
 * locking read (which sees rows committed meanwhile), else the batch is rolled back with an
 * error naming the record (it would otherwise be lost silently). A deadlock with a concurrent
 * batch is retried (at most three tries).
 */
export async function insertEvents(
  db: Db,
  events: readonly NewEvent[],
  options: { path?: InsertPath } = {},
): Promise<Map<string, number>> {
  const fresh = firstOfEachKey(events);
  if (fresh.size === 0) return new Map();
  const pool = await driverPool(db);
  const path = options.path ?? (await insertPathFor(db, pool));
  if (path === 'insert') {
    const stored = await insertAllOrNone(pool, fresh);
    if (stored) return stored;
  }
  // Two batches inserting overlapping keys in different orders can deadlock; InnoDB rolls the
  // victim back whole, so it runs again (at most three tries, then a 500 and the OMS retries).
  return retryRolledBack(
    () =>
      path === 'snapshot'
        ? inDriverTransaction(pool, 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ', (conn) =>
            insertThenRead(conn, fresh),
          )
        : inDriverTransaction(pool, 'START TRANSACTION', (conn) => insertReturning(conn, fresh)),
    { retryIf: isDeadlock },
  );
}

/** Thrown when `INSERT IGNORE` skipped a row for another reason than its duplicate key. */
export class EventNotStoredError extends Error {
  constructor(readonly event: NewEvent) {
    super(
      `the database refused event (storefront ${event.storefrontCode}, dedup key ${event.dedupKey}) for another reason than a duplicate key; batch rolled back`,
    );
    this.name = 'EventNotStoredError';
  }
}

/** Events by `eventKey`, the first of each key, in order (a key repeated within a batch is a duplicate). */
type EventsByKey = ReadonlyMap<string, NewEvent>;

function firstOfEachKey(events: readonly NewEvent[]): EventsByKey {
  const byKey = new Map<string, NewEvent>();
  for (const e of events) {
    const key = eventKey(e.storefrontCode, e.dedupKey);
    if (!byKey.has(key)) byKey.set(key, e);
  }
  return byKey;
}

/** The insert path each client's server takes, asked once per client (see InsertPath). */
const insertPaths = new WeakMap<Db, InsertPath>();

async function insertPathFor(db: Db, pool: Pool): Promise<InsertPath> {
  const known = insertPaths.get(db);
  if (known !== undefined) return known;
  const [row] = (await pool.query({
    sql: 'SELECT VERSION(), @@SESSION.sql_mode',
    rowsAsArray: true,
  })) as Array<[string, string]>;
  const path = insertPathOf(String(row?.[0] ?? ''), String(row?.[1] ?? ''));
  insertPaths.set(db, path);
  return path;
}

/**
 * The insert path for a server version and sql_mode. The one-statement `insert` needs strict
 * mode: without it the server would store a value it had to convert (a truncated key) instead of
 * failing the statement, and with autocommit nothing could take that back.
 */
export function insertPathOf(version: string, sqlMode: string): InsertPath {
  if (!versionHasReturning(version)) return 'snapshot';
  return /STRICT_(TRANS|ALL)_TABLES/i.test(sqlMode) ? 'insert' : 'insert-ignore';
}

/** True for a MariaDB server version (`SELECT VERSION()`) of 10.5 or later. */
function versionHasReturning(version: string): boolean {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match || !/mariadb/i.test(version)) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 10 || (major === 10 && minor >= 5);
}

const EVENT_COLUMNS =
  'storefront_id, storefront_code, dedup_key, event_name, event_time, order_id, payload, request_id, status';
const EVENT_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** `INSERT [IGNORE] INTO events` of these events, and its parameters, flat, in column order. */
function insertInto(events: EventsByKey, ignore: boolean): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  for (const e of events.values()) {
    values.push(
      e.storefrontId,
      e.storefrontCode,
      e.dedupKey,
      e.eventName,
      datetimeText(e.eventTime),
      e.orderId,
      e.payload,
      e.requestId ?? null,
      'pending' satisfies EventStatus,
    );
  }
  const tuples = new Array<string>(events.size).fill(EVENT_PLACEHOLDERS).join(', ');
  return { sql: `INSERT${ignore ? ' IGNORE' : ''} INTO events (${EVENT_COLUMNS}) VALUES ${tuples}`, values };
}

/** `(storefront_code, dedup_key) IN (…)` for these events, and its parameters. */
function keysIn(events: readonly NewEvent[]): { sql: string; values: string[] } {
  const values: string[] = [];
  for (const e of events) values.push(e.storefrontCode, e.dedupKey);
  return {
    sql: `(storefront_code, dedup_key) IN (${new Array<string>(events.length).fill('(?, ?)').join(', ')})`,
    values,
  };
}

type KeyRow = [code: string, dedupKey: string];
type IdRow = [id: bigint | number, code: string, dedupKey: string];

/** Which of these events' keys are stored, read as the transaction's snapshot or, with `lock`, as committed now. */
async function storedKeysIn(conn: PoolConnection, events: readonly NewEvent[], lock: boolean) {
  const where = keysIn(events);
  const found = (await conn.query(
    {
      sql: `SELECT storefront_code, dedup_key FROM events WHERE ${where.sql}${lock ? ' LOCK IN SHARE MODE' : ''}`,
      rowsAsArray: true,
    },
    where.values,
  )) as KeyRow[];
  return new Set(found.map(([code, key]) => eventKey(code, key)));
}

/**
 * The ids of the rows inserted, by key, once each row `INSERT IGNORE` skipped is proven a
 * duplicate (a row with its key is committed, found by a locking read); else EventNotStoredError.
 * Every id must belong to one of `events` by its key, else a value was converted on the way in.
 */
async function idsOnceSkippedAreDuplicates(
  conn: PoolConnection,
  events: EventsByKey,
  inserted: readonly IdRow[],
): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  for (const [id, code, key] of inserted) {
    const k = eventKey(code, key);
    if (!events.has(k)) {
      throw new ConfigError(
        `events insert stored a row whose key (storefront ${code}, dedup key ${key}) is none of the batch's (a value was converted: is the server's sql_mode strict?); batch rolled back`,
      );
    }
    stored.set(k, Number(id));
  }
  const skipped = [...events].filter(([k]) => !stored.has(k)).map(([, e]) => e);
  if (skipped.length > 0) {
    // Only a row committed by another request (before or during this insert) may explain a skip.
    const duplicates = await storedKeysIn(conn, skipped, true);
    const lost = skipped.find((e) => !duplicates.has(eventKey(e.storefrontCode, e.dedupKey)));
    if (lost) throw new EventNotStoredError(lost);
  }
  return stored;
}

const RETURNING_KEYS = ' RETURNING id, storefront_code, dedup_key';

/**
 * The `insert` path: one autocommit `INSERT … RETURNING` of every event (strict mode, so a row
 * the server cannot store as sent fails the statement). The ids by key once it is committed, or
 * undefined when the server refused it: a duplicate key, a refused row or a deadlock victim,
 * each rolled back whole, so the caller may take the `insert-ignore` path. A lost connection,
 * a timeout or an unavailable database is thrown (whether it committed is unknown).
 */
async function insertAllOrNone(pool: Pool, events: EventsByKey): Promise<Map<string, number> | undefined> {
  const insert = insertInto(events, false);
  let inserted: IdRow[];
  try {
    inserted = (await pool.query(
      { sql: insert.sql + RETURNING_KEYS, rowsAsArray: true },
      insert.values,
    )) as IdRow[];
  } catch (error) {
    if (refusedAndRolledBack(error)) return undefined;
    throw error;
  }
  const stored = new Map<string, number>();
  for (const [id, code, key] of inserted) stored.set(eventKey(code, key), Number(id));
  if (stored.size !== events.size || [...events.keys()].some((k) => !stored.has(k))) {
    throw new ConfigError(
      `events insert stored ${inserted.length} rows whose keys differ from the batch's ${events.size} (a value was converted: is the server's sql_mode strict?)`,
    );
  }
  return stored;
}

/** An error the server answered for the statement (not the connection's): it rolled the statement back. */
export function refusedAndRolledBack(error: unknown): boolean {
  const e = error as { fatal?: unknown; sqlState?: unknown; errno?: unknown };
  return (
    e !== null &&
    typeof e === 'object' &&
    e.fatal === false &&
    typeof e.sqlState === 'string' &&
    typeof e.errno === 'number' &&
    e.errno < 45000 && // the driver's own codes (timeouts, closed connections) start at 45000
    e.errno !== 1205 && // a lock wait timeout: another try would wait as long again
    !isDatabaseUnavailable(error)
  );
}

/**
 * MariaDB 10.5+: one `INSERT IGNORE … RETURNING` answers exactly the rows it inserted; a locking
 * read runs only when it skipped some (duplicates).
 */
async function insertReturning(conn: PoolConnection, events: EventsByKey) {
  const insert = insertInto(events, true);
  const inserted = (await conn.query(
    { sql: insert.sql + RETURNING_KEYS, rowsAsArray: true },
    insert.values,
  )) as IdRow[];
  return idsOnceSkippedAreDuplicates(conn, events, inserted);
}

/**
 * Without RETURNING (MySQL), in REPEATABLE READ: one read of the keys already stored (it fixes
 * the snapshot), the `INSERT IGNORE` of the others, and one read of their ids, which sees
 * exactly the rows this transaction inserted (rows committed meanwhile are not in the snapshot).
 */
async function insertThenRead(conn: PoolConnection, events: EventsByKey) {
  const taken = await storedKeysIn(conn, [...events.values()], false);
  const fresh = new Map([...events].filter(([k]) => !taken.has(k)));
  if (fresh.size === 0) return new Map<string, number>();
  const insert = insertInto(fresh, true);
  const { affectedRows } = (await conn.query(insert.sql, insert.values)) as { affectedRows: number };
  const where = keysIn([...fresh.values()]);
  const found = (await conn.query(
    { sql: `SELECT id, storefront_code, dedup_key FROM events WHERE ${where.sql}`, rowsAsArray: true },
    where.values,
  )) as IdRow[];
  if (found.length !== affectedRows) {
    throw new ConfigError(
      `events insert stored ${affectedRows} rows but ${found.length} were found by their keys (a value was converted: is the server's sql_mode strict?); batch rolled back`,
    );
  }
  return idsOnceSkippedAreDuplicates(conn, fresh, found);
}

/** Which of these (storefront_code, dedup_key) keys are stored, as `eventKey` strings. */
export async function storedEventKeys(
  db: Db,
  keys: ReadonlyArray<{ storefrontCode: string; dedupKey: string }>,
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const found = await db.$queryRaw<Array<{ code: string; dedup_key: string }>>(
    sql`SELECT storefront_code AS code, dedup_key FROM events WHERE (storefront_code, dedup_key) IN (${keyPairs(keys)})`,
  );
  return new Set(found.map((e) => eventKey(e.code, e.dedup_key)));
}

/** Pending events, and those whose routing lease expired (a crashed router's). */
const CLAIMABLE = '(status = ? OR (status = ? AND lease_until < NOW(3)))';
const claimableValues = ['pending' satisfies EventStatus, 'routing' satisfies EventStatus];

/**
 * Claim pending events (API and direct inserts alike; an expired routing lease counts as
 * pending), in a short READ COMMITTED transaction with `FOR UPDATE SKIP LOCKED` on the driver
 * pool (db/driver.ts: 500 rows with their payloads): they become `routing`, leased to `owner`
 * until now + `leaseMs`. An idle router asks first, with one plain read, whether anything is
 * there: an empty claim would cost four round trips (isolation level, BEGIN, SELECT, COMMIT).
 */
export async function claimEvents(
  db: Db,
  owner: string,
  limit: number,
  leaseMs: number,
): Promise<EventRow[]> {
  const pool = await driverPool(db);
  const any = (await pool.query(
    { sql: `SELECT id FROM events WHERE ${CLAIMABLE} LIMIT 1`, rowsAsArray: true },
    claimableValues,
  )) as unknown[];
  if (any.length === 0) return [];
  return inDriverTransaction(pool, 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED', async (conn) => {
    const claimed = (await conn.query(
      {
        sql: `SELECT id FROM events WHERE ${CLAIMABLE} ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
        rowsAsArray: true,
      },
      [...claimableValues, Math.max(1, Math.floor(limit))],
    )) as Array<[bigint]>;
    if (claimed.length === 0) return [];
    const ids = claimed.map(([id]) => id);
    await conn.query(
      `UPDATE events SET status = ?, lease_owner = ?, lease_until = NOW(3) + INTERVAL ? MICROSECOND
       WHERE id IN (${marks(ids.length)})`,
      ['routing' satisfies EventStatus, owner, leaseMs * 1000, ...ids],
    );
    return (await conn.query(
      `SELECT id, storefront_id, storefront_code, dedup_key, event_name, event_time, order_id, payload
       FROM events WHERE id IN (${marks(ids.length)}) ORDER BY id`,
      ids,
    )) as EventRow[];
  });
}

/**
 * A row the OMS inserted directly: fill in what it could not know (storefront id and code, dedup
 * key). Returns false when the dedup key is already taken (the event is a duplicate).
 */
export async function completeDirectInsert(
  db: Db,
  id: bigint,
  storefront: { id: number; code: string },
  dedupKey: string,
): Promise<boolean> {
  try {
    await db.$executeRaw(
      sql`UPDATE events SET storefront_id = ${storefront.id}, storefront_code = ${storefront.code}, dedup_key = ${dedupKey}
          WHERE id = ${id}`,
    );
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** How a routing pass ends for one event. */
export interface RoutedEvent {
  id: bigint;
  status: Exclude<EventStatus, 'pending' | 'routing'>;
  reason: string | null;
}

/**
 * End a routing pass in one READ COMMITTED transaction on the driver pool: write the deliveries
 * (see `insertDeliveries`), then set each event's final status, fenced by the routing lease (an
 * event whose lease another router took over is left to it). Run again when the database rolled
 * it back (a deadlock with another router or the reaper): the inserts are idempotent and the
 * updates fenced, and an event left `routing` would otherwise wait out its lease.
 */
export async function finishRouting(
  db: Db,
  owner: string,
  events: readonly RoutedEvent[],
  deliveries: readonly NewDelivery[],
): Promise<void> {
  const byOutcome = new Map<
    string,
    { status: RoutedEvent['status']; reason: string | null; ids: bigint[] }
  >();
  for (const e of events) {
    const key = JSON.stringify([e.status, e.reason]);
    const group = byOutcome.get(key) ?? { status: e.status, reason: e.reason, ids: [] };
    group.ids.push(e.id);
    byOutcome.set(key, group);
  }
  const pool = await driverPool(db);
  await retryRolledBack(
    () =>
      inDriverTransaction(pool, 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED', async (conn) => {
        await insertDeliveriesOn(conn, deliveries);
        for (const { status, reason, ids } of byOutcome.values()) {
          await conn.query(
            `UPDATE events SET status = ?, status_reason = ?, routed_at = NOW(3), lease_owner = NULL, lease_until = NULL
             WHERE id IN (${marks(ids.length)}) AND lease_owner = ?`,
            [status, reason, ...ids, owner],
          );
        }
      }),
    { tries: 3, pauseMs: 50 },
  );
}

export interface EventFilter {
  storefrontId?: number;
  status?: EventStatus;
  eventName?: string;
  orderId?: string;
}

/** A page of events, newest first, and how many match. */
export async function listEvents(
  db: Db,
  filter: EventFilter,
  page: { skip: number; limit: number },
): Promise<{ items: Event[]; total: number }> {
  const where = {
    ...(filter.storefrontId !== undefined && { storefrontId: filter.storefrontId }),
    ...(filter.status !== undefined && { status: filter.status }),
    ...(filter.eventName !== undefined && { eventName: filter.eventName }),
    ...(filter.orderId !== undefined && { orderId: filter.orderId }),
  };
  const [items, total] = await Promise.all([
    db.event.findMany({ where, skip: page.skip, take: page.limit, orderBy: { id: 'desc' } }),
    db.event.count({ where }),
  ]);
  return { items, total };
}

/** One event with its deliveries, their attempts and the HTTP exchange each attempt was part of. */
export function findEventWithDeliveries(db: Db, id: bigint) {
  return db.event.findUnique({
    where: { id },
    include: {
      deliveries: {
        include: { attemptLog: { include: { exchange: true }, orderBy: { id: 'asc' } } },
        orderBy: { id: 'asc' },
      },
    },
  });
}

export type EventWithDeliveries = NonNullable<Awaited<ReturnType<typeof findEventWithDeliveries>>>;

export async function eventExists(db: Db, id: bigint): Promise<boolean> {
  return (await db.event.findUnique({ where: { id }, select: { id: true } })) !== null;
}

/** Events not yet routed (a gauge). */
export async function countUnroutedEvents(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: bigint }>>(
    sql`SELECT COUNT(*) n FROM events WHERE status IN (${inList(UNROUTED_EVENT_STATUSES)})`,
  );
  return Number(row?.n ?? 0);
}

/** Events older than the cutoff whose work is over: routed (or stopped) and no delivery pending or leased. */
const finishedBefore = (cutoff: Date) => sql`FROM events e
  WHERE e.created_at < ${cutoff} AND e.status NOT IN (${inList(UNROUTED_EVENT_STATUSES)})
    AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status IN (${inList(OPEN_DELIVERY_STATUSES)}))`;

/** How many events `deleteFinishedEventsBefore` would remove. */
export async function countFinishedEventsBefore(db: Queryable, cutoff: Date): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: bigint }>>(sql`SELECT COUNT(*) AS n ${finishedBefore(cutoff)}`);
  return Number(row?.n ?? 0);
}

/**
 * Delete up to `limit` finished events accepted before `cutoff`, with their deliveries and
 * attempts (foreign keys cascade). Returns how many events were deleted.
 */
export async function deleteFinishedEventsBefore(
  db: Queryable,
  cutoff: Date,
  limit: number,
): Promise<number> {
  const n = await db.$executeRaw(
    sql`DELETE FROM events WHERE id IN (SELECT id FROM (SELECT e.id ${finishedBefore(cutoff)} ORDER BY 1 LIMIT ${limit}) AS batch)`,
  );
  return Number(n);
}

/** Every event with its deliveries, oldest first (the demo prints them). */
export const eventsWithDeliveries = (db: Db) =>
  db.event.findMany({ include: { deliveries: { orderBy: { id: 'asc' } } }, orderBy: { id: 'asc' } });
