import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reasonGroup } from '../../src/db/reason-group';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

/** Three purchases of bosley received now: Meta delivers them, TikTok refuses them, Pinterest answers 500. */
async function seed() {
  const bosley = await f.storefront('bosley');
  const meta = await f.credential(bosley, 'meta_capi');
  const tiktok = await f.credential(bosley, 'tiktok_events');
  const pinterest = await f.credential(bosley, 'pinterest_capi');
  const recent = new Date(Date.now() - 10 * 60_000).toISOString();
  const { ids: event_ids } = await f.ingest({
    data: ['A-1', 'A-2', 'A-3'].map((order_id) => ({
      ...SEED_BATCH.data[2],
      order_id,
      event_time: recent,
      email: 'buyer@example.com',
      ip_address: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (test)',
    })),
  });
  f.sim.script('tiktok_events', [{ status: 400, message: 'Invalid pixel' }], { repeatLast: true });
  f.sim.script('pinterest_capi', [500], { repeatLast: true });
  await f.worker({ now: () => new Date() }).drain();
  return { bosley, meta, tiktok, pinterest, event_ids };
}

describe('GET /admin/v1/stats/deliveries', () => {
  it('counts events in and deliveries per destination and state, matching the database', async () => {
    const { meta, tiktok, pinterest } = await seed();
    const res = await f.t.call('GET', '/admin/v1/stats/deliveries?window=hour');
    expect(res.status).toBe(200);
    const stats = await res.json();
    expect(stats.window).toBe('hour');
    expect(stats.bucket_seconds).toBe(300);
    expect(stats.buckets).toHaveLength(12);
    expect(stats.events_in).toBe(3);
    expect(stats.events_series.reduce((a: number, n: number) => a + n, 0)).toBe(3);
    expect(stats.destinations.map((d: Record<string, unknown>) => ({ ...d, series: undefined }))).toEqual([
      {
        destination: `credential:${meta}`,
        platform_code: 'meta_capi',
        storefront_id: 'bosley',
        delivered: 3,
        failed: 0,
        retrying: 0,
        series: undefined,
      },
      {
        destination: `credential:${pinterest}`,
        platform_code: 'pinterest_capi',
        storefront_id: 'bosley',
        delivered: 0,
        failed: 0,
        retrying: 3,
        series: undefined,
      },
      {
        destination: `credential:${tiktok}`,
        platform_code: 'tiktok_events',
        storefront_id: 'bosley',
        delivered: 0,
        failed: 3,
        retrying: 0,
        series: undefined,
      },
    ]);
    // The series add up to the totals, in the bucket of the last attempt.
    for (const d of stats.destinations) {
      const sum = d.series.reduce(
        (a: { delivered: number; failed: number; retrying: number }, b: typeof a) => ({
          delivered: a.delivered + b.delivered,
          failed: a.failed + b.failed,
          retrying: a.retrying + b.retrying,
        }),
        { delivered: 0, failed: 0, retrying: 0 },
      );
      expect(sum).toEqual({ delivered: d.delivered, failed: d.failed, retrying: d.retrying });
    }
    const db = f.t.database.db;
    const failed = await db.delivery.findFirstOrThrow({ where: { status: 'failed' } });
    expect(stats.top_failure_reasons).toEqual([
      { platform_code: 'tiktok_events', reason: reasonGroup(failed.reason), count: 3 },
    ]);
    expect(stats.top_failure_reasons[0].reason).toContain('Invalid pixel');
    const waiting = await db.delivery.findMany({ where: { status: 'pending' } });
    expect(waiting).toHaveLength(3);
    expect(stats.backlog).toEqual({
      waiting: 3,
      due: 0,
      oldest_due_at: null,
      oldest_due_age_seconds: null,
      unrouted_events: 0,
    });
  });

  it('reports the oldest due delivery and refuses an unknown window', async () => {
    await seed();
    await f.t.database.db.$executeRawUnsafe(
      "UPDATE deliveries SET next_attempt_at = NOW(3) - INTERVAL 90 SECOND WHERE status = 'pending'",
    );
    const stats = await (await f.t.call('GET', '/admin/v1/stats/deliveries?window=week')).json();
    expect(stats.buckets).toHaveLength(28);
    expect(stats.backlog.due).toBe(3);
    expect(stats.backlog.oldest_due_age_seconds).toBeGreaterThanOrEqual(90);
    expect(Date.parse(stats.backlog.oldest_due_at)).toBeLessThan(Date.now() - 89_000);
    const bad = await f.t.call('GET', '/admin/v1/stats/deliveries?window=year');
    expect(bad.status).toBe(422);
    expect((await bad.json()).detail[0].loc).toEqual(['query', 'window']);
  });
});

describe('GET /admin/v1/event-search', () => {
  it('filters by storefront, order, delivery state and destination, newest first with a cursor', async () => {
    const { tiktok, event_ids } = await seed();
    const first = await (await f.t.call('GET', '/admin/v1/event-search?storefront_id=bosley&limit=2')).json();
    expect(first.items.map((e: { id: number }) => e.id)).toEqual([event_ids[2], event_ids[1]]);
    expect(first.next_cursor).toBe(String(event_ids[1]));
    expect(first.items[0].deliveries.map((d: { platform_code: string; status: string }) => d.status)).toEqual(
      ['delivered', 'failed', 'pending'],
    );
    const second = await (
      await f.t.call('GET', `/admin/v1/event-search?storefront_id=bosley&limit=2&cursor=${first.next_cursor}`)
    ).json();
    expect(second.items.map((e: { id: number }) => e.id)).toEqual([event_ids[0]]);
    expect(second.next_cursor).toBeNull();

    const byOrder = await (await f.t.call('GET', '/admin/v1/event-search?order_id=A-2')).json();
    expect(byOrder.items.map((e: { order_id: string }) => e.order_id)).toEqual(['A-2']);
    const failed = await (
      await f.t.call('GET', `/admin/v1/event-search?destination=credential:${tiktok}&delivery_status=failed`)
    ).json();
    expect(failed.items).toHaveLength(3);
    const retrying = await (
      await f.t.call('GET', '/admin/v1/event-search?platform_code=pinterest_capi&delivery_status=retrying')
    ).json();
    expect(retrying.items).toHaveLength(3);
    const none = await (
      await f.t.call('GET', '/admin/v1/event-search?platform_code=meta_capi&delivery_status=failed')
    ).json();
    expect(none).toEqual({ items: [], next_cursor: null });
    const future = await (
      await f.t.call(
        'GET',
        `/admin/v1/event-search?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      )
    ).json();
    expect(future.items).toEqual([]);
    const other = await (await f.t.call('GET', '/admin/v1/event-search?storefront_id=pfizer')).json();
    expect(other.items).toEqual([]);
  });

  it('names the field of a bad filter', async () => {
    for (const [query, field] of [
      ['cursor=abc', 'cursor'],
      ['delivery_status=lost', 'delivery_status'],
      ['from=yesterday', 'from'],
      ['limit=500', 'limit'],
    ]) {
      const res = await f.t.call('GET', `/admin/v1/event-search?${query}`);
      expect(res.status).toBe(422);
      expect((await res.json()).detail[0].loc).toEqual(['query', field]);
    }
  });
});

describe('failure groups', () => {
  it('groups failed deliveries by destination and reason and replays a group', async () => {
    const { tiktok, event_ids } = await seed();
    const { items } = await (await f.t.call('GET', '/admin/v1/failure-groups')).json();
    const failed = await f.t.database.db.delivery.findFirstOrThrow({ where: { status: 'failed' } });
    expect(items).toEqual([
      {
        destination: `credential:${tiktok}`,
        platform_code: 'tiktok_events',
        storefront_id: 'bosley',
        reason: reasonGroup(failed.reason),
        count: 3,
        first_failed_at: expect.any(String),
        last_failed_at: expect.any(String),
        sample_event_id: event_ids[2],
      },
    ]);
    expect(
      (await (await f.t.call('GET', '/admin/v1/failure-groups?platform_code=meta_capi')).json()).items,
    ).toEqual([]);
    const wrongReason = await f.t.call('POST', '/admin/v1/failure-groups/replay', {
      destination: `credential:${tiktok}`,
      reason: 'something else',
    });
    expect(await wrongReason.json()).toEqual({ replayed: 0 });
    const replay = await f.t.call('POST', '/admin/v1/failure-groups/replay', {
      destination: `credential:${tiktok}`,
      reason: items[0].reason,
    });
    expect(await replay.json()).toEqual({ replayed: 3 });
    const rows = await f.t.database.db.delivery.findMany({ where: { platformCode: 'tiktok_events' } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
      ['pending', 0],
    ]);
    f.sim.reset();
    await f.worker({ now: () => new Date() }).drain();
    expect(f.sim.receivedBy('tiktok_events')).toHaveLength(1);
    expect((await (await f.t.call('GET', '/admin/v1/failure-groups')).json()).items).toEqual([]);
  });
});

describe('failure reasons', () => {
  it('group reasons that differ only in timestamps and long numbers, and replay the whole group', async () => {
    const { tiktok } = await seed();
    const rows = await f.t.database.db.delivery.findMany({
      where: { status: 'failed' },
      orderBy: { id: 'asc' },
    });
    const times = ['2026-01-15T10:15:00.000Z', '2026-01-15T10:25:00.000Z', '2026-01-16 08:00:00'];
    for (const [i, row] of rows.entries()) {
      await f.t.database.db.delivery.update({
        where: { id: row.id },
        data: { reason: `event_too_old: order 20250101000${i}1111 happened at ${times[i]}` },
      });
    }
    const key = 'event_too_old: order … happened at …';
    expect(reasonGroup(`event_too_old: order 2025010100011111 happened at ${times[0]}`)).toBe(key);
    const { items } = await (await f.t.call('GET', '/admin/v1/failure-groups')).json();
    expect(items.map((g: { reason: string; count: number }) => [g.reason, g.count])).toEqual([[key, 3]]);
    const stats = await (await f.t.call('GET', '/admin/v1/stats/deliveries?window=hour')).json();
    expect(stats.top_failure_reasons).toEqual([{ platform_code: 'tiktok_events', reason: key, count: 3 }]);
    const replay = await f.t.call('POST', '/admin/v1/failure-groups/replay', {
      destination: `credential:${tiktok}`,
      reason: key,
    });
    expect(await replay.json()).toEqual({ replayed: 3 });
  });
});

describe('GET /admin/v1/kill-switches and /admin/v1/platform-catalog', () => {
  it('shows every switch with what waits behind it, and no secret', async () => {
    const { bosley, pinterest } = await seed();
    const res = await f.t.call('GET', '/admin/v1/kill-switches');
    const tree = await res.json();
    expect(tree.storefronts).toHaveLength(1);
    const s = tree.storefronts[0];
    expect(s).toMatchObject({ id: bosley, storefront_id: 'bosley', is_active: true, waiting: 3, sgtm: null });
    expect(
      s.credentials.map((c: Record<string, unknown>) => [c.platform_code, c.is_active, c.waiting]),
    ).toEqual([
      ['meta_capi', true, 0],
      ['tiktok_events', true, 0],
      ['pinterest_capi', true, 3],
    ]);
    expect(s.credentials[2].id).toBe(pinterest);
    expect(
      tree.platforms.find((p: { platform_code: string }) => p.platform_code === 'pinterest_capi'),
    ).toMatchObject({
      is_active: true,
      waiting: 3,
    });
    const text = JSON.stringify(tree);
    for (const code of ['meta_capi', 'tiktok_events', 'pinterest_capi']) {
      for (const field of f.registry.get(code)!.secretFields) {
        const value = f.registry.get(code)!.credentialsExample[field];
        expect(text).not.toContain(String(value));
      }
    }
  });

  it("shows each destination's privacy lists, token_url and pause; a paused credential until it is saved", async () => {
    const bosley = await f.storefront('bosley');
    const pinterest = await f.credential(bosley, 'pinterest_capi');
    await f.ingest({
      data: ['P-1', 'P-2'].map((order_id) => ({
        ...SEED_BATCH.data[2],
        order_id,
        event_time: new Date(Date.now() - 10 * 60_000).toISOString(),
        email: 'buyer@example.com',
      })),
    });
    f.sim.script('pinterest_capi', [{ status: 401, message: 'Authentication failed' }], { repeatLast: true });
    await f.worker({ now: () => new Date() }).drain();
    const tree = await (await f.t.call('GET', '/admin/v1/kill-switches')).json();
    const s = tree.storefronts[0];
    expect(s).toMatchObject({ privacy_mode: 'standard', event_aliases: {} });
    const row = await f.t.database.db.credential.findUniqueOrThrow({ where: { id: pinterest } });
    expect(row.pausedAt).not.toBeNull();
    expect(s.credentials[0]).toMatchObject({
      id: pinterest,
      token_url: null,
      paused_at: row.pausedAt!.toISOString(),
      pause_reason: row.pauseReason,
      paused: 2,
      waiting: 0,
      privacy: { baa: false, allowed_properties: ['value', 'currency'], allowed_identifiers: [] },
    });
    expect(row.pauseReason).toContain('Authentication failed');
    const held = await (
      await f.t.call('GET', '/admin/v1/event-search?platform_code=pinterest_capi&delivery_status=paused')
    ).json();
    expect(held.items.map((e: { order_id: string }) => e.order_id).sort()).toEqual(['P-1', 'P-2']);

    f.sim.reset();
    const put = await f.t.call('PUT', `/admin/v1/credentials/${pinterest}`, {
      token_url: 'https://auth.example.com/token',
      privacy: { allowed_identifiers: ['email'] },
    });
    expect(put.status).toBe(200);
    const after = (await (await f.t.call('GET', '/admin/v1/kill-switches')).json()).storefronts[0]
      .credentials[0];
    expect(after).toMatchObject({
      token_url: 'https://auth.example.com/token',
      paused_at: null,
      pause_reason: null,
      paused: 0,
      waiting: 2,
      privacy: { allowed_identifiers: ['email'] },
    });
  });

  it('lists the catalog with tier, status, API version, docs link and secret fields', async () => {
    const { items } = await (await f.t.call('GET', '/admin/v1/platform-catalog')).json();
    expect(items.length).toBe(f.registry.all().length);
    const meta = items.find((p: { platform_code: string }) => p.platform_code === 'meta_capi');
    expect(meta).toMatchObject({
      tier: 1,
      status: 'available',
      api_version: 'v25.0',
      docs_url: 'https://developers.facebook.com/documentation/ads-commerce/conversions-api',
      has_adapter: true,
    });
    expect(meta.secret_fields).toEqual([...f.registry.get('meta_capi')!.secretFields]);
    expect(items.map((p: { tier: number }) => p.tier)).toEqual(
      [...items.map((p: { tier: number }) => p.tier)].sort(),
    );
  });
});

describe('audit log', () => {
  it('records who changed what, before → after, with secrets masked, and nothing for a refused change', async () => {
    const bosley = await f.storefront('bosley');
    const tiktok = await f.credential(bosley, 'tiktok_events');
    const off = await f.t.call('PUT', `/admin/v1/credentials/${tiktok}`, {
      is_active: false,
      credentials: {
        ...f.registry.get('tiktok_events')!.credentialsExample,
        access_token: 'new0secret0token0value0abcdefghijklmnopqrstu',
      },
    });
    expect(off.status).toBe(200);
    expect((await f.t.call('PUT', '/admin/v1/credentials/9999', { is_active: false })).status).toBe(404);
    await f.t.call('POST', '/admin/v1/deliveries/replay', { platform_code: 'tiktok_events' });
    await f.t.call('DELETE', `/admin/v1/storefronts/${bosley}`);

    const log = await (await f.t.call('GET', '/admin/v1/audit-log')).json();
    expect(
      log.items.map((e: Record<string, unknown>) => [
        e.actor,
        e.action,
        e.resource_type,
        e.resource_id,
        e.method,
      ]),
    ).toEqual([
      ['admin', 'delete', 'storefront', String(bosley), 'DELETE'],
      ['admin', 'replay', 'deliveries', null, 'POST'],
      ['admin', 'update', 'credential', String(tiktok), 'PUT'],
      ['admin', 'create', 'credential', String(tiktok), 'POST'],
      ['admin', 'create', 'storefront', String(bosley), 'POST'],
    ]);
    const [deleted, replay, update, create] = log.items;
    expect(deleted.before).toEqual({
      storefront_id: 'bosley',
      name: 'bosley',
      domain: null,
      description: null,
      is_active: true,
    });
    expect(deleted.after).toBeNull();
    expect(replay.after).toEqual({ request: { platform_code: 'tiktok_events' }, response: { replayed: 0 } });
    expect(update.before.is_active).toBe(true);
    expect(update.after.is_active).toBe(false);
    expect(update.before.credentials).toMatch(/^•+ \(version ….{6}\)$/);
    expect(update.after.credentials).toMatch(/^•+ \(version ….{6}\)$/);
    expect(update.after.credentials).not.toBe(update.before.credentials);
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({
      storefront_id: bosley,
      destination_type: 'direct',
      is_active: true,
    });
    const everything = JSON.stringify(log);
    expect(everything).not.toContain('new0secret0token0value');
    expect(everything).not.toContain(
      String(f.registry.get('tiktok_events')!.credentialsExample.access_token),
    );

    const page = await (await f.t.call('GET', '/admin/v1/audit-log?limit=2')).json();
    expect(page.items.map((e: { id: number }) => e.id)).toEqual([deleted.id, replay.id]);
    const rest = await (
      await f.t.call('GET', `/admin/v1/audit-log?limit=10&cursor=${page.next_cursor}`)
    ).json();
    expect(rest.items).toHaveLength(3);
    expect(rest.next_cursor).toBeNull();
    const filtered = await (
      await f.t.call('GET', `/admin/v1/audit-log?resource_type=credential&resource_id=${tiktok}`)
    ).json();
    expect(filtered.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
  });
});
