import { SEED_BATCH as OMS_SEED_BATCH, eventFromRecord, runAdapter } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

/** The seed batch with a customer email on each record: Meta refuses events without customer information before sending. */
const SEED_BATCH = {
  ...OMS_SEED_BATCH,
  data: OMS_SEED_BATCH.data.map((r) => ({ ...r, email: 'buyer@example.com' })),
};

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

const seed = (code: string) =>
  SEED_BATCH.data.filter((r) => r.storefront_id === code).map((r) => eventFromRecord(r));

describe('delivery pipeline end to end (MariaDB + simulator)', () => {
  it("delivers the seed batch: each destination receives exactly the adapter's payload, once", async () => {
    const bosley = await f.storefront('bosley');
    const pfizer = await f.storefront('pfizer');
    await f.credential(bosley, 'meta_capi');
    await f.credential(bosley, 'tiktok_events');
    await f.t.call('POST', '/admin/v1/sgtm-configs', {
      storefront_id: pfizer,
      sgtm_url: `${f.sim.url}/sgtm`,
      client_type: 'custom',
      custom_endpoint_path: '/collect',
      custom_headers: { 'X-Api-Key': 'sgtm-header-secret' },
    });
    await f.credential(pfizer, 'meta_capi', { destination_type: 'sgtm' });
    expect((await f.ingest(SEED_BATCH)).accepted).toBe(3);

    await f.worker().drain();

    const deliveries = await f.deliveries();
    expect(deliveries.map((d) => [d.platform, d.key.split(':')[0], d.status, d.attempts])).toEqual([
      ['meta_capi', 'credential', 'delivered', 1],
      ['tiktok_events', 'credential', 'delivered', 1],
      ['sgtm', 'sgtm', 'delivered', 1],
      ['meta_capi', 'credential', 'delivered', 1],
      ['tiktok_events', 'credential', 'delivered', 1],
    ]);

    // What each platform received equals what the adapter builds for those events, sent once.
    for (const platform of ['meta_capi', 'tiktok_events']) {
      const expected = await runAdapter(f.registry.get(platform)!, seed('bosley'), {
        baseUrl: `${f.sim.url}/${platform}`,
      });
      const received = f.sim.receivedBy(platform);
      expect(received.map((r) => r.json)).toEqual(expected.requests.map((r) => r.json));
    }
    const sgtm = f.sim.receivedBy('sgtm');
    expect(sgtm).toHaveLength(1);
    expect(sgtm[0]!.path).toBe('/collect');
    expect(sgtm[0]!.headers['x-api-key']).toBe('sgtm-header-secret');
    expect(sgtm[0]!.json).toMatchObject({ event_name: 'rx_issued', order_id: '2025010100002222' });

    // The purchase went out with its own time, order id, 80.79 USD.
    const meta = f.sim.receivedBy('meta_capi')[0]!.body;
    expect(meta).toContain('"event_time":1768472700');
    expect(meta).toContain('80.79');
    expect(meta).toContain('2025020100003333');

    // Every attempt is audited; each HTTP request is stored once, shared by the deliveries it carried.
    const exchanges = await f.t.database.db.httpExchange.findMany({
      include: { attempts: true },
      orderBy: { platformCode: 'asc' },
    });
    expect(
      exchanges.map((x) => [x.platformCode, x.method, x.statusCode, x.eventCount, x.attempts.length]),
    ).toEqual([
      ['meta_capi', 'POST', 200, 2, 2],
      ['sgtm', 'POST', 200, 1, 1],
      ['tiktok_events', 'POST', 200, 2, 2],
    ]);
    expect(exchanges[0]!.url).toBe(`${f.sim.url}/meta_capi/v25.0/123456789012345/events`);
    expect(exchanges[0]!.requestExcerpt).toContain('2025020100003333');
    const audit = JSON.stringify(exchanges.map((x) => [x.url, x.requestExcerpt, x.responseExcerpt]));
    expect(audit).not.toContain('sgtm-header-secret');
    expect(audit).not.toContain(
      (f.registry.get('meta_capi')!.credentialsExample as { access_token: string }).access_token,
    );
    const attempts = await f.t.database.db.deliveryAttempt.findMany();
    expect(attempts).toHaveLength(5);
    expect(attempts.every((a) => a.exchangeId !== null && a.outcome === 'delivered')).toBe(true);

    // Running the worker again sends nothing more.
    await f.worker().drain();
    expect(f.sim.received).toHaveLength(3); // Meta 1 request (2 events), TikTok 1 (2 events), sGTM 1
  });

  it('routes per kill switch: disabled platform and credential are suppressed with their level, sGTM off goes direct', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi', { destination_type: 'sgtm' });
    const tiktok = await f.credential(bosley, 'tiktok_events');
    await f.credential(bosley, 'pinterest_capi');
    await f.t.call('PUT', `/admin/v1/credentials/${tiktok}`, { is_active: false });
    const pinterest = await f.t.database.db.platform.findUniqueOrThrow({ where: { code: 'pinterest_capi' } });
    await f.t.call('PUT', `/admin/v1/platforms/${pinterest.id}`, { is_active: false });
    await f.ingest({ data: [SEED_BATCH.data[2]] });
    await f.worker().route();
    const deliveries = await f.deliveries();
    expect(deliveries.map((d) => [d.platform, d.status, d.reason])).toEqual([
      ['meta_capi', 'pending', "sGTM config of 'bosley' does not exist; sent direct"],
      ['tiktok_events', 'suppressed', `credential switch: Credential ${tiktok} (tiktok_events) is disabled`],
      ['pinterest_capi', 'suppressed', "platform switch: Platform 'pinterest_capi' is disabled"],
    ]);
  });

  it('a platform without an adapter is recorded as skipped, and the others still go', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    const legacy = (await (
      await f.t.call('POST', '/admin/v1/platforms', {
        platform_code: 'legacy_crm',
        name: 'Legacy CRM',
        category: 'crm',
        auth_type: 'api_key',
      })
    ).json()) as { id: number };
    const res = await f.t.call('POST', '/admin/v1/credentials', {
      storefront_id: bosley,
      platform_id: legacy.id,
      credentials: { api_key: 'k' },
    });
    expect(res.status).toBe(201);
    const credential = ((await res.json()) as { id: number }).id;
    await f.ingest({ data: [SEED_BATCH.data[2]] });
    await f.worker().drain();
    expect((await f.deliveries()).map((d) => [d.platform, d.key, d.status, d.reason])).toEqual([
      ['meta_capi', 'credential:1', 'delivered', null],
      ['legacy_crm', `credential:${credential}`, 'skipped', 'no adapter for legacy_crm'],
    ]);
    expect(f.sim.received.map((r) => r.platform)).toEqual(['meta_capi']);
  });
});
