import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  countUnusedExchangesBefore,
  deleteUnusedExchangesBefore,
  autoIncrementLayout,
  recordAttempts,
} from '../../src/db/attempts';
import {
  type NewDelivery,
  claimDeliveries,
  completeDeliveries,
  countOpenDeliveries,
  extendLeases,
  insertDeliveries,
  joinEvents,
  oldestDueDeliveryAgeSeconds,
  reapExpiredLeases,
  replayDeliveries,
  replayEventDeliveries,
} from '../../src/db/deliveries';
import { insertEvents } from '../../src/db/events';
import { createStorefront } from '../../src/db/storefronts';
import { type TestDatabase, createTestDatabase } from '../support/database';

let database: TestDatabase;
let eventId: bigint;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());
beforeEach(async () => {
  const db = database.db;
  await db.$executeRawUnsafe('DELETE FROM http_exchanges');
  await db.$executeRawUnsafe('DELETE FROM events');
  await db.$executeRawUnsafe('DELETE FROM storefronts');
  const s = await createStorefront(db, {
    code: 'bosley',
    name: 'B',
    domain: null,
    description: null,
    isActive: true,
  });
  const ids = await insertEvents(db, [
    {
      storefrontId: s.id,
      storefrontCode: 'bosley',
      dedupKey: 'k1',
      eventName: 'purchase_completed',
      eventTime: new Date('2026-01-15T10:25:00Z'),
      orderId: 'A',
      payload: '{}',
    },
  ]);
  eventId = BigInt([...ids.values()][0]!);
});

const delivery = (key: string, platform: string, extra: Partial<NewDelivery> = {}): NewDelivery => ({
  eventId,
  destinationKey: key,
  platformCode: platform,
  credentialId: null,
  sgtmConfigId: null,
  status: 'pending',
  reason: null,
  ...extra,
});

const rows = async () =>
  (await database.db.delivery.findMany({ orderBy: { id: 'asc' } })).map((d) => [
    d.destinationKey,
    d.status,
    d.attempts,
    d.leaseOwner,
    d.reason,
  ]);

describe('deliveries: the only writer of the deliveries table', () => {
  it('insertDeliveries writes each (event, destination) once, however often it is called', async () => {
    const batch = [
      delivery('credential:1', 'meta_capi'),
      delivery('sgtm:2', 'sgtm', { sgtmConfigId: 2 }),
      delivery('credential:3', 'x', { status: 'skipped', reason: 'no adapter for x' }),
    ];
    expect(await insertDeliveries(database.db, batch)).toBe(3);
    expect(await insertDeliveries(database.db, batch)).toBe(0);
    expect(await rows()).toEqual([
      ['credential:1', 'pending', 0, null, null],
      ['sgtm:2', 'pending', 0, null, null],
      ['credential:3', 'skipped', 0, null, 'no adapter for x'],
    ]);
    expect(
      (await countOpenDeliveries(database.db)).map((r) => [r.status, r.platform_code, Number(r.n)]).sort(),
    ).toEqual([
      ['pending', 'meta_capi', 1],
      ['pending', 'sgtm', 1],
    ]);
    expect(await oldestDueDeliveryAgeSeconds(database.db)).toBeGreaterThanOrEqual(0);
  });

  it('claims once per owner, skips excluded platforms, completes fenced, reports lost leases', async () => {
    await insertDeliveries(database.db, [
      delivery('credential:1', 'meta_capi'),
      delivery('credential:2', 'ga4'),
    ]);
    const claimed = await claimDeliveries(database.db, 'w1', 10, 60_000, ['ga4']);
    expect(claimed.map((c) => [c.destination_key, c.attempts, c.order_id])).toEqual([
      ['credential:1', 1, 'A'],
    ]);
    expect(await claimDeliveries(database.db, 'w2', 10, 60_000, ['ga4'])).toEqual([]);
    expect(await extendLeases(database.db, 'w2', [claimed[0]!.id], 60_000)).toBe(0);
    expect(await extendLeases(database.db, 'w1', [claimed[0]!.id], 60_000)).toBe(1);
    const completion = {
      id: claimed[0]!.id,
      status: 'delivered' as const,
      reason: null,
      platformEventName: 'Purchase',
    };
    expect(await completeDeliveries(database.db, 'w2', [completion])).toEqual([claimed[0]!.id]);
    expect(await completeDeliveries(database.db, 'w1', [completion])).toEqual([]);
    expect(await rows()).toEqual([
      ['credential:1', 'delivered', 1, null, null],
      ['credential:2', 'pending', 0, null, null],
    ]);
  });

  it('reaps expired leases back to pending', async () => {
    await insertDeliveries(database.db, [delivery('credential:1', 'meta_capi')]);
    await claimDeliveries(database.db, 'w1', 10, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await reapExpiredLeases(database.db)).toBe(1);
    expect(await rows()).toEqual([['credential:1', 'pending', 1, null, null]]);
  });

  it('reaps every expired lease in batches, and leaves live leases alone', async () => {
    await insertDeliveries(database.db, [
      delivery('credential:1', 'meta_capi'),
      delivery('credential:2', 'ga4'),
      delivery('credential:3', 'tiktok_events'),
      delivery('credential:4', 'branch'),
    ]);
    await claimDeliveries(database.db, 'crashed', 3, 1);
    await claimDeliveries(database.db, 'alive', 10, 60_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(await reapExpiredLeases(database.db, 2)).toBe(3);
    expect((await rows()).map((r) => r[1])).toEqual(['pending', 'pending', 'pending', 'leased']);
  });

  it('replays failed deliveries of an event, or by filter, with a fresh retry budget', async () => {
    await insertDeliveries(database.db, [
      delivery('credential:1', 'meta_capi'),
      delivery('credential:2', 'ga4'),
    ]);
    const claimed = await claimDeliveries(database.db, 'w', 10, 60_000);
    await completeDeliveries(database.db, 'w', [
      { id: claimed[0]!.id, status: 'failed', reason: 'bad token' },
      { id: claimed[1]!.id, status: 'suppressed', reason: 'platform switch' },
    ]);
    expect(await replayEventDeliveries(database.db, eventId)).toBe(1);
    expect(await replayDeliveries(database.db, { statuses: ['suppressed'], platformCode: 'meta_capi' })).toBe(
      0,
    );
    expect(
      await replayDeliveries(database.db, {
        statuses: ['suppressed'],
        platformCode: 'ga4',
        from: new Date('2026-01-15T00:00:00Z'),
        to: new Date('2026-01-16T00:00:00Z'),
      }),
    ).toBe(1);
    expect(await rows()).toEqual([
      ['credential:1', 'pending', 0, null, 'replayed; was: bad token'],
      ['credential:2', 'pending', 0, null, 'replayed; was: platform switch'],
    ]);
  });
});

describe('attempts: the only writer of http_exchanges and delivery_attempts', () => {
  it('stores each request once and one attempt row per delivery it carried, plus unsent attempts', async () => {
    await insertDeliveries(database.db, [
      delivery('credential:1', 'meta_capi'),
      delivery('credential:2', 'ga4'),
    ]);
    const [d1, d2] = await claimDeliveries(database.db, 'w', 10, 60_000);
    const at = new Date('2026-01-15T10:30:00.000Z');
    await recordAttempts(
      database.db,
      [
        {
          platformCode: 'meta_capi',
          method: 'POST',
          url: 'https://graph.facebook.com/v21.0/1/events',
          startedAt: at,
          durationMs: 42,
          statusCode: 200,
          requestExcerpt: '{"data":[]}',
          responseExcerpt: '{"events_received":1}',
          attempts: [{ deliveryId: d1!.id, attempt: 1, outcome: 'delivered', reason: null }],
        },
      ],
      [
        {
          deliveryId: d2!.id,
          attempt: 1,
          outcome: 'config_error',
          reason: 'GA4: api_secret missing',
          startedAt: at,
        },
      ],
    );
    const exchanges = await database.db.httpExchange.findMany();
    expect(exchanges.map((x) => [x.platformCode, x.statusCode, x.eventCount, x.responseExcerpt])).toEqual([
      ['meta_capi', 200, 1, '{"events_received":1}'],
    ]);
    const attempts = await database.db.deliveryAttempt.findMany({ orderBy: { deliveryId: 'asc' } });
    expect(
      attempts.map((a) => [a.deliveryId, a.exchangeId, a.statusCode, a.durationMs, a.outcome, a.reason]),
    ).toEqual([
      [d1!.id, exchanges[0]!.id, 200, 42, 'delivered', null],
      [d2!.id, null, null, 0, 'config_error', 'GA4: api_secret missing'],
    ]);
    const later = new Date('2027-01-01T00:00:00Z');
    expect(await countUnusedExchangesBefore(database.db, later)).toBe(0);
    await database.db.$executeRawUnsafe('DELETE FROM delivery_attempts');
    expect(await countUnusedExchangesBefore(database.db, later)).toBe(1);
    expect(await deleteUnusedExchangesBefore(database.db, later, 10)).toBe(1);
  });

  it.each([
    ['one multi-row INSERT (consecutive ids)', { consecutive: true, step: 1 }],
    ['one INSERT per request (interleaved ids)', { consecutive: false, step: 1 }],
  ])('links each attempt to the request that carried it: %s', async (_, layout) => {
    await insertDeliveries(database.db, [
      delivery('credential:1', 'branch'),
      delivery('credential:2', 'kochava'),
      delivery('credential:3', 'branch', { eventId }),
    ]);
    const claimed = await claimDeliveries(database.db, 'w', 10, 60_000);
    expect(claimed).toHaveLength(3);
    // Another session's request between this batch's: ids of earlier rows must not be reused.
    await recordAttempts(database.db, [
      {
        platformCode: 'other',
        method: 'POST',
        url: 'https://example.com/before',
        startedAt: new Date(),
        durationMs: 1,
        statusCode: 500,
        requestExcerpt: '',
        responseExcerpt: '',
        attempts: [],
      },
    ]);
    await recordAttempts(
      database.db,
      claimed.map((d, i) => ({
        platformCode: d.platform_code,
        method: 'POST',
        url: `https://example.com/${i}`,
        startedAt: new Date(),
        durationMs: 10 + i,
        statusCode: 200 + i,
        requestExcerpt: `{"n":${i}}`,
        responseExcerpt: '{}',
        attempts: [{ deliveryId: d.id, attempt: 1, outcome: 'delivered', reason: null }],
      })),
      [],
      layout,
    );
    const attempts = await database.db.deliveryAttempt.findMany({
      orderBy: { deliveryId: 'asc' },
      include: { exchange: true },
    });
    expect(
      attempts.map((a) => [a.deliveryId, a.statusCode, a.exchange?.url, a.exchange?.statusCode]),
    ).toEqual(claimed.map((d, i) => [d.id, 200 + i, `https://example.com/${i}`, 200 + i]));
  });

  it('reads the server auto-increment layout', async () => {
    const [server] = await database.db.$queryRawUnsafe<Array<{ mode: number; step: number }>>(
      'SELECT @@innodb_autoinc_lock_mode AS mode, @@auto_increment_increment AS step',
    );
    expect(await autoIncrementLayout(database.db)).toEqual({
      consecutive: Number(server!.mode) <= 1,
      step: Number(server!.step),
    });
  });
});

describe('joinEvents', () => {
  it('gives each delivery its event columns, one event shared by its deliveries, and leaves out a delivery whose event is gone', () => {
    const at = new Date('2026-01-15T10:25:00Z');
    const leased = (id: bigint, event_id: bigint, platform: string) => ({
      id,
      event_id,
      destination_key: `credential:${id}`,
      platform_code: platform,
      credential_id: Number(id),
      sgtm_config_id: null,
      attempts: 1,
      first_attempt_at: at,
    });
    const event = {
      id: 7n,
      storefront_id: 1,
      storefront_code: 'bosley',
      dedup_key: 'k',
      event_name: 'purchase_completed',
      event_time: at,
      order_id: 'A',
      payload: { order_id: 'A' },
      request_id: 'req-1',
    };
    const joined = joinEvents(
      [leased(1n, 7n, 'meta_capi'), leased(2n, 8n, 'ga4'), leased(3n, 7n, 'tiktok_events')],
      [event],
    );
    const { id: _, ...columns } = event;
    expect(joined).toEqual([
      { ...columns, ...leased(1n, 7n, 'meta_capi') },
      { ...columns, ...leased(3n, 7n, 'tiktok_events') },
    ]);
    expect(joined[0]!.payload).toBe(joined[1]!.payload);
  });
});
