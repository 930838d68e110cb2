import { SEED_BATCH } from '@relay/testing';
import mariadb, { type Connection } from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/db/url';
import { type TestApp, createTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (const code of ['bosley', 'pfizer']) {
    expect((await t.call('POST', '/admin/v1/storefronts', { storefront_id: code, name: code })).status).toBe(
      201,
    );
  }
});
afterAll(() => t.close());

const post = (body: unknown) => t.call('POST', '/v1/events', body);

/** Resolves once this test database's batch insert is executing (seen from `other`). */
async function insertRunning(other: Connection) {
  for (;;) {
    const [running] = await other.query(
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE 'INSERT%INTO events%'",
      [t.database.name],
    );
    if (Number(running.n) > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('POST /v1/events', () => {
  it("accepts the seed README's batch as is and stores each record with its dedup key", async () => {
    const res = await post(SEED_BATCH);
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ accepted: 3, rejected: 0, errors: [] });
    // event_ids are the records' order_id strings, as the reference answered; Relay's ids beside them.
    expect(body.event_ids).toEqual(['2025010100001111', '2025010100002222', '2025020100003333']);
    expect(body.ids).toHaveLength(3);
    expect(Object.keys(body)).toEqual(['accepted', 'rejected', 'event_ids', 'ids', 'errors']);
    const rows = await t.database.db.event.findMany({ orderBy: { id: 'asc' } });
    expect(
      rows.map((r) => [
        Number(r.id),
        r.storefrontCode,
        r.dedupKey,
        r.eventName,
        r.eventTime.toISOString(),
        r.status,
      ]),
    ).toEqual([
      [
        body.ids[0],
        'bosley',
        'bosley:consult_started:2025010100001111',
        'consult_started',
        '2026-01-15T10:15:00.000Z',
        'pending',
      ],
      [
        body.ids[1],
        'pfizer',
        'pfizer:rx_issued:2025010100002222',
        'rx_issued',
        '2026-01-15T10:20:30.000Z',
        'pending',
      ],
      [
        body.ids[2],
        'bosley',
        'bosley:purchase_completed:2025020100003333',
        'purchase_completed',
        '2026-01-15T10:25:00.000Z',
        'pending',
      ],
    ]);
    expect(rows[2]!.payload).toMatchObject({ order_revenue: 80.79, 't-value': 'bosleyaffiliate_0123' });
  });

  it('is harmless to re-post: every record is reported as a duplicate', async () => {
    const body = await (await post(SEED_BATCH)).json();
    expect(body).toEqual({
      accepted: 0,
      rejected: 3,
      event_ids: [],
      ids: [],
      errors: [
        { event_id: '2025010100001111', index: 0, error: 'Event already exists' },
        { event_id: '2025010100002222', index: 1, error: 'Event already exists' },
        { event_id: '2025020100003333', index: 2, error: 'Event already exists' },
      ],
    });
  });

  it('accepts a later funnel stage of the same order (dedup key includes the event name)', async () => {
    const body = await (
      await post({
        data: [
          {
            storefront_id: 'bosley',
            event_name: 'rx_issued',
            event_time: '2026-01-15T11:00:00Z',
            order_id: '2025010100001111',
          },
        ],
      })
    ).json();
    expect(body).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('dedups on event_id when the record has one, and within one batch', async () => {
    const record = {
      storefront_id: 'bosley',
      event_name: 'lead',
      event_time: '2026-01-15T11:00:00Z',
      order_id: 'L1',
      event_id: 'evt-1',
    };
    const body = await (await post({ data: [record, { ...record, order_id: 'L2' }] })).json();
    expect(body).toMatchObject({
      accepted: 1,
      rejected: 1,
      errors: [{ event_id: 'evt-1', index: 1, error: 'Event already exists' }],
    });
  });

  it('judges records one by one: unknown and disabled storefronts are listed, the rest accepted', async () => {
    const list = await (await t.call('GET', '/admin/v1/storefronts')).json();
    const pfizer = list.items.find((s: { storefront_id: string }) => s.storefront_id === 'pfizer');
    await t.call('PUT', `/admin/v1/storefronts/${pfizer.id}`, { is_active: false });
    const body = await (
      await post({
        data: [
          { storefront_id: 'nowhere', event_name: 'lead', event_time: '2026-01-15T11:00:00Z', order_id: 'A' },
          { storefront_id: 'pfizer', event_name: 'lead', event_time: '2026-01-15T11:00:00Z', order_id: 'B' },
          {
            storefront_id: 'BOSLEY',
            event_name: 'lead',
            event_time: '2026-01-15T11:00:00+02:00',
            order_id: 'C',
          },
        ],
      })
    ).json();
    expect(body.accepted).toBe(1);
    expect(body.errors).toEqual([
      { event_id: 'A', index: 0, error: "Storefront 'nowhere' not found" },
      { event_id: 'B', index: 1, error: "Storefront 'pfizer' is disabled" },
    ]);
    await t.call('PUT', `/admin/v1/storefronts/${pfizer.id}`, { is_active: true });
    const stored = await t.database.db.event.findFirst({ where: { orderId: 'C' } });
    expect(stored!.eventTime.toISOString()).toBe('2026-01-15T09:00:00.000Z');
  });

  it('202 with 0/0 when the OMS reports its own failure with an empty batch', async () => {
    const res = await post({ count: 0, data: [], error: 'OMS database connection failed' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 0, rejected: 0, event_ids: [], ids: [], errors: [] });
  });

  it('422 in FastAPI shape for an empty batch without error, naming data', async () => {
    const res = await post({ count: 0, data: [], error: '' });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      detail: [
        {
          loc: ['body', 'data'],
          msg: 'List should have at least 1 item when error is empty',
          type: 'too_short',
        },
      ],
    });
  });

  it('422 naming the missing field and the invalid datetime of a record', async () => {
    const res = await post({
      data: [
        { storefront_id: 'bosley', event_time: '2026-01-15T11:00:00Z', order_id: 'X' },
        { storefront_id: 'bosley', event_name: 'lead', event_time: 'yesterday', order_id: 'Y' },
      ],
    });
    expect(res.status).toBe(422);
    const { detail } = await res.json();
    expect(detail.map((d: { loc: unknown[]; type: string }) => [d.loc, d.type])).toEqual([
      [['body', 'data', 0, 'event_name'], 'missing'],
      [['body', 'data', 1, 'event_time'], 'datetime_from_date_parsing'],
    ]);
    expect(detail[0].msg).toBe('Field required');
  });

  it('422 for a datetime without a zone and for malformed JSON', async () => {
    const res = await post({
      data: [
        { storefront_id: 'bosley', event_name: 'lead', event_time: '2026-01-15T11:00:00', order_id: 'Z' },
      ],
    });
    expect(res.status).toBe(422);
    expect((await res.json()).detail[0].loc).toEqual(['body', 'data', 0, 'event_time']);
    const bad = await post('{"data": [');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }],
    });
  });

  it('413 over 500 records and over 5 MB', async () => {
    const record = {
      storefront_id: 'bosley',
      event_name: 'lead',
      event_time: '2026-01-15T11:00:00Z',
      order_id: 'big',
    };
    const many = await post({
      data: Array.from({ length: 501 }, (_, i) => ({ ...record, order_id: `big-${i}` })),
    });
    expect(many.status).toBe(413);
    expect(await many.json()).toMatchObject({ error_code: 'PAYLOAD_TOO_LARGE', details: { records: 501 } });
    const huge = await post({ data: [{ ...record, blob: 'x'.repeat(5 * 1024 * 1024) }] });
    expect(huge.status).toBe(413);
  });

  it('401 with WWW-Authenticate without or with wrong credentials, before validation', async () => {
    const none = await t.app.request('/v1/events', { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await none.json()).toEqual({ detail: 'Invalid authentication credentials' });
    const wrong = await t.call(
      'POST',
      '/v1/events',
      {},
      { authorization: `Basic ${Buffer.from('admin:nope').toString('base64')}` },
    );
    expect(wrong.status).toBe(401);
  });

  it('keeps unknown record fields in the stored payload', async () => {
    await post({
      data: [
        {
          storefront_id: 'bosley',
          event_name: 'lead',
          event_time: '2026-01-15T11:00:00Z',
          order_id: 'K',
          loyalty_tier: 'gold',
        },
      ],
    });
    const row = await t.database.db.event.findFirst({ where: { orderId: 'K' } });
    expect(row!.payload).toMatchObject({ loyalty_tier: 'gold' });
  });

  it('422 naming the field for values longer than their column, and for a year DATETIME cannot hold', async () => {
    const record = { storefront_id: 'bosley', event_time: '2026-01-15T11:00:00Z' };
    const res = await post({
      data: [
        { ...record, event_name: 'e'.repeat(129), order_id: 'ok' },
        { ...record, event_name: 'lead', order_id: 'o'.repeat(256) },
        { ...record, event_name: 'lead', order_id: 'ancient', event_time: '0999-12-31T00:00:00Z' },
      ],
    });
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toEqual([
      {
        loc: ['body', 'data', 0, 'event_name'],
        msg: 'String should have at most 128 characters',
        type: 'too_long',
      },
      {
        loc: ['body', 'data', 1, 'order_id'],
        msg: 'String should have at most 255 characters',
        type: 'too_long',
      },
      {
        loc: ['body', 'data', 2, 'event_time'],
        msg: 'event_time must be between the years 1000 and 9999',
        type: 'value_error',
      },
    ]);
    expect(await t.database.db.event.count({ where: { orderId: 'ancient' } })).toBe(0);
  });

  it('stores the longest key intact, and order ids that differ only in case are different events', async () => {
    const longest = {
      storefront_id: 'bosley',
      event_name: 'n'.repeat(128),
      event_time: '2026-01-15T11:00:00Z',
      order_id: 'o'.repeat(255),
    };
    const first = await (await post({ data: [longest] })).json();
    expect(first).toMatchObject({ accepted: 1, rejected: 0 });
    const row = await t.database.db.event.findUnique({ where: { id: BigInt(first.ids[0]) } });
    expect(row!.dedupKey).toBe(`bosley:${'n'.repeat(128)}:${'o'.repeat(255)}`);
    expect((await (await post({ data: [longest] })).json()).errors).toEqual([
      { event_id: 'o'.repeat(255), index: 0, error: 'Event already exists' },
    ]);
    const cased = await (
      await post({
        data: ['Case-A1', 'case-a1', 'CASE-A1'].map((order_id) => ({
          storefront_id: 'bosley',
          event_name: 'lead',
          event_time: '2026-01-15T11:00:00Z',
          order_id,
        })),
      })
    ).json();
    expect(cased).toMatchObject({ accepted: 3, rejected: 0, errors: [] });
  });

  it('a key another request stores while this batch waits is reported as a duplicate, the rest accepted', async () => {
    const other = await mariadb.createConnection(parseDatabaseUrl(t.database.url));
    try {
      // Another request's transaction holds the key RACE-1, not yet committed.
      await other.query('START TRANSACTION');
      await other.query(
        `INSERT INTO events (storefront_code, dedup_key, event_name, event_time, order_id, payload)
         VALUES ('bosley', 'bosley:lead:RACE-1', 'lead', '2026-01-15 11:00:00', 'RACE-1', '{}')`,
      );
      const record = { storefront_id: 'bosley', event_name: 'lead', event_time: '2026-01-15T11:00:00Z' };
      const pending = post({
        data: [
          { ...record, order_id: 'RACE-1' },
          { ...record, order_id: 'RACE-2' },
        ],
      });
      // Wait until this batch's insert runs (it cannot finish while RACE-1 is held), then let
      // the other request commit.
      await insertRunning(other);
      await other.query('COMMIT');
      const body = await (await pending).json();
      expect(body).toMatchObject({
        accepted: 1,
        rejected: 1,
        errors: [{ event_id: 'RACE-1', index: 0, error: 'Event already exists' }],
      });
      const stored = await t.database.db.event.findMany({
        where: { orderId: { in: ['RACE-1', 'RACE-2'] } },
        orderBy: { orderId: 'asc' },
      });
      expect(stored.map((e) => [e.orderId, Number(e.id) === body.ids[0]])).toEqual([
        ['RACE-1', false],
        ['RACE-2', true],
      ]);
    } finally {
      await other.end();
    }
  });

  it('a batch chosen as a deadlock victim is run again and answers 202 (no 500, nothing stored twice)', async () => {
    const other = await mariadb.createConnection(parseDatabaseUrl(t.database.url));
    const deadlocks = async () =>
      Number((await other.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'"))[0].Value);
    try {
      const before = await deadlocks();
      const row = (order: string) =>
        other.query(
          `INSERT INTO events (storefront_code, dedup_key, event_name, event_time, order_id, payload)
           VALUES ('bosley', ?, 'lead', '2026-01-15 11:00:00', ?, '{}')`,
          [`bosley:lead:${order}`, order],
        );
      // Another writer's transaction: heavier (InnoDB rolls back the lighter one), holding DL-B.
      await other.query('START TRANSACTION');
      for (let i = 0; i < 20; i++) await row(`DL-PAD-${i}`);
      await row('DL-B');
      const record = { storefront_id: 'bosley', event_name: 'lead', event_time: '2026-01-15T11:00:00Z' };
      const pending = post({
        data: [
          { ...record, order_id: 'DL-A' },
          { ...record, order_id: 'DL-B' },
        ],
      });
      // This batch has stored DL-A and waits for DL-B; the other writer now wants DL-A: a deadlock.
      await insertRunning(other);
      await new Promise((r) => setTimeout(r, 50));
      await row('DL-A');
      await other.query('COMMIT');
      const res = await pending;
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({
        accepted: 0,
        rejected: 2,
        errors: [
          { event_id: 'DL-A', index: 0, error: 'Event already exists' },
          { event_id: 'DL-B', index: 1, error: 'Event already exists' },
        ],
      });
      expect(await deadlocks()).toBeGreaterThan(before); // a global counter: other test files may add to it
      expect(await t.database.db.event.count({ where: { orderId: { in: ['DL-A', 'DL-B'] } } })).toBe(2);
    } finally {
      await other.end();
    }
  });
});
