import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

describe('direct-database path (the seed lets the OMS INSERT pending rows)', () => {
  it('routes and delivers a row inserted with only storefront_code, and dedups it against API events', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    const insert = (order: string) =>
      f.t.database.db.$executeRawUnsafe(
        `INSERT INTO events (storefront_code, event_name, event_time, order_id, payload, status)
         VALUES ('bosley', 'purchase_completed', '2026-01-15 10:25:00.000', ?, JSON_OBJECT('order_revenue', 80.79, 'email', 'buyer@example.com'), 'pending')`,
        order,
      );
    await insert('DB-1');
    // The same event also came through the API: the router finds its dedup key taken.
    await f.ingest({
      data: [
        {
          storefront_id: 'bosley',
          event_name: 'purchase_completed',
          event_time: '2026-01-15T10:25:00Z',
          order_id: 'API-1',
          order_revenue: 12.5,
          // Meta refuses events without customer information before sending.
          email: 'buyer@example.com',
        },
      ],
    });
    await insert('API-1');
    await f.worker().drain();
    const events = await f.t.database.db.event.findMany({ orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.orderId, e.storefrontId, e.dedupKey, e.status])).toEqual([
      ['DB-1', bosley, 'bosley:purchase_completed:DB-1', 'routed'],
      ['API-1', bosley, 'bosley:purchase_completed:API-1', 'routed'],
      ['API-1', null, null, 'duplicate'],
    ]);
    const sent = f.sim
      .receivedBy('meta_capi')
      .flatMap((r) => (r.json as { data: Array<{ custom_data: { order_id: string; value: number } }> }).data);
    expect(sent.map((e) => e.custom_data)).toEqual([
      { value: 80.79, currency: 'USD', order_id: 'DB-1' },
      { value: 12.5, currency: 'USD', order_id: 'API-1' },
    ]);
  });

  it('picks up a row inserted with only storefront_id', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    await f.t.database.db.$executeRawUnsafe(
      `INSERT INTO events (storefront_id, event_name, event_time, order_id, payload)
       VALUES (?, 'lead', '2026-01-15 11:00:00.000', 'DB-2', '{"email":"buyer@example.com"}')`,
      bosley,
    );
    await f.worker().drain();
    const [event] = await f.t.database.db.event.findMany();
    expect([event!.storefrontCode, event!.status]).toEqual(['bosley', 'routed']);
    expect((await f.deliveries()).map((d) => d.status)).toEqual(['delivered']);
  });

  it('a row whose record is invalid is marked invalid with the field named, and never sent', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    await f.t.database.db.$executeRawUnsafe(
      `INSERT INTO events (storefront_code, event_name, event_time, order_id, payload)
       VALUES ('bosley', 'purchase_completed', '2026-01-15 10:25:00.000', 'DB-BAD', JSON_OBJECT('order_revenue', 'lots'))`,
    );
    await f.worker().drain();
    const [event] = await f.t.database.db.event.findMany();
    expect(event!.status).toBe('invalid');
    expect(event!.statusReason).toMatch(/^Stored record is not a valid OMS record: .*order_revenue/s);
    expect(await f.deliveries()).toEqual([]);
    expect(f.sim.received).toHaveLength(0);
  });

  it('a record edited into an invalid one after routing fails its deliveries with the reason, once', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    await f.credential(bosley, 'tiktok_events');
    await f.ingest({
      data: [
        {
          storefront_id: 'bosley',
          event_name: 'purchase_completed',
          event_time: '2026-01-15T10:25:00Z',
          order_id: 'E-1',
          order_revenue: 20,
          email: 'buyer@example.com',
        },
        {
          storefront_id: 'bosley',
          event_name: 'purchase_completed',
          event_time: '2026-01-15T10:25:00Z',
          order_id: 'E-2',
          order_revenue: 20,
          email: 'buyer@example.com',
        },
      ],
    });
    const worker = f.worker();
    await worker.route();
    await f.t.database.db.$executeRawUnsafe(
      `UPDATE events SET payload = JSON_SET(payload, '$.order_revenue', 'lots') WHERE order_id = 'E-1'`,
    );
    await worker.drain();
    const rows = await f.t.database.db.delivery.findMany({
      include: { event: true },
      orderBy: [{ eventId: 'asc' }, { id: 'asc' }],
    });
    expect(rows.map((d) => [d.event.orderId, d.platformCode, d.status])).toEqual([
      ['E-1', 'meta_capi', 'failed'],
      ['E-1', 'tiktok_events', 'failed'],
      ['E-2', 'meta_capi', 'delivered'],
      ['E-2', 'tiktok_events', 'delivered'],
    ]);
    expect(rows[0]!.reason).toMatch(/^Stored record is not a valid OMS record: .*order_revenue/s);
    expect(f.sim.received).toHaveLength(2);
  });
});
