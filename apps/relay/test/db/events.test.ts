import mariadb from 'mariadb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertDeliveries } from '../../src/db/deliveries';
import {
  EventNotStoredError,
  type NewEvent,
  claimEvents,
  completeDirectInsert,
  countFinishedEventsBefore,
  countUnroutedEvents,
  deleteFinishedEventsBefore,
  eventKey,
  finishRouting,
  insertEvents,
  type InsertPath,
  insertPathOf,
  listEvents,
  refusedAndRolledBack,
} from '../../src/db/events';
import { createStorefront } from '../../src/db/storefronts';
import { parseDatabaseUrl } from '../../src/db/url';
import { type TestDatabase, createTestDatabase } from '../support/database';

let database: TestDatabase;
let bosley: number;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.$executeRawUnsafe('DELETE FROM events');
  await database.db.$executeRawUnsafe('DELETE FROM storefronts');
  bosley = (
    await createStorefront(database.db, {
      code: 'bosley',
      name: 'Bosley',
      domain: null,
      description: null,
      isActive: true,
    })
  ).id;
});

const event = (order: string, payload: unknown = { order_id: order }): NewEvent => ({
  storefrontId: bosley,
  storefrontCode: 'bosley',
  dedupKey: `bosley:purchase_completed:${order}`,
  eventName: 'purchase_completed',
  eventTime: new Date('2026-01-15T10:25:00.000Z'),
  orderId: order,
  payload: JSON.stringify(payload),
});

const stored = async () =>
  (await database.db.event.findMany({ orderBy: { id: 'asc' } })).map((e) => [e.orderId, e.status, e.payload]);

describe('events: the only writer of the events table', () => {
  it('insertEvents stores new keys once and returns their ids by key; known keys are left out', async () => {
    const first = await insertEvents(database.db, [event('A'), event('B'), event('A')]);
    expect([...first.keys()]).toEqual([
      eventKey('bosley', 'bosley:purchase_completed:A'),
      eventKey('bosley', 'bosley:purchase_completed:B'),
    ]);
    const again = await insertEvents(database.db, [event('B'), event('C')]);
    expect([...again.keys()]).toEqual([eventKey('bosley', 'bosley:purchase_completed:C')]);
    expect(await stored()).toEqual([
      ['A', 'pending', { order_id: 'A' }],
      ['B', 'pending', { order_id: 'B' }],
      ['C', 'pending', { order_id: 'C' }],
    ]);
    expect(await countUnroutedEvents(database.db)).toBe(3);
  });

  it('INSERT IGNORE hides nothing but a duplicate key: a row the JSON check refuses rolls the batch back', async () => {
    // A lone UTF-16 surrogate: JSON.stringify writes it as \ud83d, which MariaDB's JSON check refuses.
    const refused = event('BAD', { order_id: 'BAD', note: '\ud83d' });
    // In a multi-row INSERT IGNORE the server skips it with a warning: caught, named, rolled back.
    const error = await insertEvents(database.db, [event('OK'), refused]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventNotStoredError);
    expect((error as Error).message).toMatch(/dedup key bosley:purchase_completed:BAD/);
    // Alone, MariaDB raises the constraint error instead of skipping: nothing is stored either way.
    await expect(insertEvents(database.db, [refused])).rejects.toThrow();
    expect(await stored()).toEqual([]);
  });

  it('claimEvents leases pending events to one owner; finishRouting writes deliveries and is fenced by the lease', async () => {
    const ids = await insertEvents(database.db, [event('A'), event('B')]);
    const [a, b] = [...ids.values()].map(BigInt);
    const claimed = await claimEvents(database.db, 'router-1', 10, 60_000);
    expect(claimed.map((e) => [e.order_id, e.storefront_code])).toEqual([
      ['A', 'bosley'],
      ['B', 'bosley'],
    ]);
    expect(await claimEvents(database.db, 'router-2', 10, 60_000)).toEqual([]);
    // Another router's finish changes nothing (the lease is router-1's).
    await finishRouting(database.db, 'router-2', [{ id: a!, status: 'suppressed', reason: 'x' }], []);
    expect((await stored()).map((r) => r[1])).toEqual(['routing', 'routing']);
    await finishRouting(
      database.db,
      'router-1',
      [
        { id: a!, status: 'routed', reason: null },
        { id: b!, status: 'suppressed', reason: "Storefront 'bosley' is disabled" },
      ],
      [
        {
          eventId: a!,
          destinationKey: 'credential:1',
          platformCode: 'meta_capi',
          credentialId: null,
          sgtmConfigId: null,
          status: 'pending',
          reason: null,
        },
      ],
    );
    const rows = await database.db.event.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((e) => [e.status, e.statusReason, e.leaseOwner, e.routedAt !== null])).toEqual([
      ['routed', null, null, true],
      ['suppressed', "Storefront 'bosley' is disabled", null, true],
    ]);
    expect(
      (await database.db.delivery.findMany()).map((d) => [d.eventId, d.destinationKey, d.status]),
    ).toEqual([[a, 'credential:1', 'pending']]);
    expect(await countUnroutedEvents(database.db)).toBe(0);
  });

  it('an expired routing lease is claimed again', async () => {
    await insertEvents(database.db, [event('A')]);
    await claimEvents(database.db, 'router-1', 10, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect((await claimEvents(database.db, 'router-2', 10, 60_000)).map((e) => e.order_id)).toEqual(['A']);
  });

  it('completeDirectInsert fills in a direct row, and answers false when its key is taken', async () => {
    await insertEvents(database.db, [event('A')]);
    await database.db.$executeRawUnsafe(
      "INSERT INTO events (storefront_code, event_name, event_time, order_id, payload, status) VALUES ('bosley', 'purchase_completed', NOW(3), 'A', '{}', 'pending'), ('bosley', 'purchase_completed', NOW(3), 'D', '{}', 'pending')",
    );
    const [, dupe, direct] = await database.db.event.findMany({ orderBy: { id: 'asc' } });
    const storefront = { id: bosley, code: 'bosley' };
    expect(await completeDirectInsert(database.db, dupe!.id, storefront, 'bosley:purchase_completed:A')).toBe(
      false,
    );
    expect(
      await completeDirectInsert(database.db, direct!.id, storefront, 'bosley:purchase_completed:D'),
    ).toBe(true);
    const row = await database.db.event.findUniqueOrThrow({ where: { id: direct!.id } });
    expect([row.storefrontId, row.storefrontCode, row.dedupKey]).toEqual([
      bosley,
      'bosley',
      'bosley:purchase_completed:D',
    ]);
  });

  it('lists newest first with filters; retention deletes only finished events', async () => {
    const ids = [...(await insertEvents(database.db, [event('A'), event('B'), event('C')])).values()].map(
      BigInt,
    );
    const page = await listEvents(database.db, { status: 'pending' }, { skip: 0, limit: 2 });
    expect([page.items.map((e) => e.orderId), page.total]).toEqual([['C', 'B'], 3]);
    expect(
      (await listEvents(database.db, { orderId: 'A' }, { skip: 0, limit: 10 })).items.map((e) => e.orderId),
    ).toEqual(['A']);
    await claimEvents(database.db, 'r', 10, 60_000);
    await finishRouting(
      database.db,
      'r',
      ids.map((id) => ({ id, status: 'routed' as const, reason: null })),
      [
        {
          eventId: ids[1]!,
          destinationKey: 'credential:1',
          platformCode: 'meta_capi',
          credentialId: null,
          sgtmConfigId: null,
          status: 'pending',
          reason: null,
        },
      ],
    );
    const later = new Date(Date.now() + 60_000);
    // B still has a pending delivery: kept.
    expect(await countFinishedEventsBefore(database.db, later)).toBe(2);
    expect(await deleteFinishedEventsBefore(database.db, later, 1)).toBe(1);
    expect(await deleteFinishedEventsBefore(database.db, later, 10)).toBe(1);
    expect((await stored()).map((r) => r[0])).toEqual(['B']);
    expect(await insertDeliveries(database.db, [])).toBe(0);
  });
});

/**
 * insertEvents has three paths (InsertPath): one `INSERT … RETURNING` falling back to a
 * transaction with `INSERT IGNORE … RETURNING` (MariaDB 10.5+ in strict mode), that transaction
 * alone (MariaDB 10.5+ otherwise), and for servers without RETURNING (MySQL) the snapshot path
 * (read stored keys, insert, read ids). All run here on the same batches and must answer alike.
 */
const PATHS: InsertPath[] = ['insert', 'insert-ignore', 'snapshot'];

/** `event(order)` with the request id it came with and a time in milliseconds (both stored with the row). */
const requested = (order: string, payload?: unknown): NewEvent => ({
  ...event(order, payload),
  eventTime: new Date('2026-01-15T10:25:00.123Z'),
  requestId: `req-${order}`,
});

const orderOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/** The orders an answer accepted (sorted), after checking each id is the stored row of its key. */
async function acceptedOrders(answer: Map<string, number>): Promise<string[]> {
  const rows = await database.db.event.findMany({
    where: { id: { in: [...answer.values()].map(BigInt) } },
  });
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  for (const [key, id] of answer) {
    const row = byId.get(id);
    expect(row && eventKey(row.storefrontCode!, row.dedupKey!)).toBe(key);
  }
  return [...answer.keys()].map(orderOf).sort();
}

const storedWithRequest = async () =>
  (await database.db.event.findMany({ orderBy: { id: 'asc' } })).map((e) => [
    e.orderId,
    e.eventTime.toISOString(),
    e.requestId,
    e.status,
    e.payload,
  ]);

describe('insertEvents: the RETURNING path and its fallback answer alike', () => {
  for (const path of PATHS) {
    const insert = (events: NewEvent[]) => insertEvents(database.db, events, { path });

    describe(path, () => {
      it('stores each key once: repeats within a batch and keys already stored are left out', async () => {
        expect(await acceptedOrders(await insert([requested('A'), requested('B'), requested('A')]))).toEqual([
          'A',
          'B',
        ]);
        expect(await acceptedOrders(await insert([requested('B'), requested('C'), requested('C')]))).toEqual([
          'C',
        ]);
        expect(await acceptedOrders(await insert([requested('A'), requested('B'), requested('C')]))).toEqual(
          [],
        );
        expect(await storedWithRequest()).toEqual(
          ['A', 'B', 'C'].map((o) => [o, '2026-01-15T10:25:00.123Z', `req-${o}`, 'pending', { order_id: o }]),
        );
      });

      it('a row the database refuses (not a duplicate) rolls the whole batch back, naming the record', async () => {
        await insert([requested('KEPT')]);
        // A lone UTF-16 surrogate: MariaDB's JSON check refuses it; INSERT IGNORE skips it with a warning.
        const refused = requested('BAD', { order_id: 'BAD', note: '\ud83d' });
        const error = await insert([requested('NEW'), refused, requested('KEPT')]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventNotStoredError);
        expect((error as Error).message).toContain('dedup key bosley:purchase_completed:BAD');
        expect((await storedWithRequest()).map((r) => r[0])).toEqual(['KEPT']);
      });

      it('concurrent batches with overlapping keys in opposite orders: each key accepted by exactly one', async () => {
        const orders = Array.from({ length: 40 }, (_, i) => `K${i}`);
        const batches = [orders, [...orders].reverse(), orders.filter((_, i) => i % 2 === 0)];
        const answers = await Promise.all(batches.map((b) => insert(b.map((o) => requested(o)))));
        const accepted = (await Promise.all(answers.map(acceptedOrders))).flat();
        expect(accepted.sort()).toEqual([...orders].sort());
        expect(await database.db.event.count()).toBe(orders.length);
      });

      it('a key another transaction holds is a duplicate once it commits, and stored by this batch if it rolls back', async () => {
        const other = await mariadb.createConnection(parseDatabaseUrl(database.url));
        try {
          const hold = async (order: string) => {
            await other.query('START TRANSACTION');
            await other.query(
              `INSERT INTO events (storefront_code, dedup_key, event_name, event_time, order_id, payload)
               VALUES ('bosley', ?, 'purchase_completed', '2026-01-15 11:00:00', ?, '{}')`,
              [`bosley:purchase_completed:${order}`, order],
            );
          };
          /** Wait until the batch's insert waits for the held key's lock, then end the holder. */
          const thenEnd = async (statement: 'COMMIT' | 'ROLLBACK') => {
            for (;;) {
              const [row] = await other.query(
                "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE 'INSERT%INTO events%'",
                [database.name],
              );
              if (Number(row.n) > 0) break;
              await new Promise((r) => setTimeout(r, 10));
            }
            await other.query(statement);
          };

          await hold('HELD-1');
          const [committed] = await Promise.all([
            insert([requested('HELD-1'), requested('FREE-1')]),
            thenEnd('COMMIT'),
          ]);
          expect(await acceptedOrders(committed)).toEqual(['FREE-1']);

          await hold('HELD-2');
          const [rolledBack] = await Promise.all([
            insert([requested('HELD-2'), requested('FREE-2')]),
            thenEnd('ROLLBACK'),
          ]);
          expect(await acceptedOrders(rolledBack)).toEqual(['FREE-2', 'HELD-2']);
          expect((await storedWithRequest()).map((r) => [r[0], r[2]])).toEqual([
            ['HELD-1', null],
            ['FREE-1', 'req-FREE-1'],
            ['HELD-2', 'req-HELD-2'],
            ['FREE-2', 'req-FREE-2'],
          ]);
        } finally {
          await other.end();
        }
      });
    });
  }

  it('only a statement the server refused (rolled back) falls through to the transaction; lost connections, timeouts and lock waits are thrown', () => {
    const refused = (errno: number, fatal = false) => ({ errno, fatal, sqlState: '23000', code: 'X' });
    expect(refusedAndRolledBack(refused(1062))).toBe(true); // duplicate key
    expect(refusedAndRolledBack(refused(4025))).toBe(true); // a CHECK constraint (the JSON check)
    expect(refusedAndRolledBack(refused(1213))).toBe(true); // deadlock victim
    expect(refusedAndRolledBack(refused(1205))).toBe(false); // lock wait timeout: would wait again
    expect(refusedAndRolledBack(refused(1969))).toBe(false); // max_statement_time: database too slow
    expect(refusedAndRolledBack(refused(1062, true))).toBe(false); // the connection is gone
    expect(refusedAndRolledBack(refused(45026))).toBe(false); // the driver's socket timeout
    expect(refusedAndRolledBack(new Error('Connection lost'))).toBe(false);
    expect(refusedAndRolledBack(undefined)).toBe(false);
  });

  it('RETURNING is taken on MariaDB 10.5+ only (MySQL and older MariaDB have none), the one-statement insert only in strict mode', () => {
    const strict = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
    expect(insertPathOf('10.11.6-MariaDB-0+deb12u1', strict)).toBe('insert');
    expect(insertPathOf('11.4.2-MariaDB-log', 'STRICT_ALL_TABLES')).toBe('insert');
    expect(insertPathOf('10.5.0-MariaDB', 'NO_ENGINE_SUBSTITUTION')).toBe('insert-ignore');
    expect(insertPathOf('10.11.6-MariaDB', '')).toBe('insert-ignore');
    expect(insertPathOf('10.4.32-MariaDB', strict)).toBe('snapshot');
    expect(insertPathOf('8.0.36', strict)).toBe('snapshot');
    expect(insertPathOf('8.4.0-commercial', strict)).toBe('snapshot');
  });
});
