import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealJson } from '../../src/crypto/secrets';
import { claimDeliveries, completeDeliveries } from '../../src/db/deliveries';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

/** The seed purchase with an email: Meta refuses events without customer information before sending. */
const purchase = { ...SEED_BATCH.data[2], email: 'buyer@example.com' };
/** The seed purchase, an hour ago: inside every platform window on the real clock retries are scheduled with. */
const recentPurchase = () => ({ ...purchase, event_time: new Date(Date.now() - 3_600_000).toISOString() });

/** Make every scheduled retry due now (time passing, without waiting). */
const makeDue = () =>
  f.t.database.db.$executeRawUnsafe(
    "UPDATE deliveries SET next_attempt_at = NOW(3) WHERE status = 'pending'",
  );

async function metaSetup(record: Record<string, unknown> = purchase) {
  const bosley = await f.storefront('bosley');
  await f.credential(bosley, 'meta_capi');
  await f.ingest({ data: [record] });
  return bosley;
}

/** A worker on the real clock (retries are scheduled against the database's NOW()). */
const realClockWorker = (options: { id?: string } = {}) => f.worker({ now: () => new Date(), ...options });

const metaEventIds = () =>
  f.sim
    .receivedBy('meta_capi')
    .flatMap((r) => (r.json as { data: Array<{ event_id: string }> }).data.map((e) => e.event_id));

describe('faults', () => {
  it('500, 500, 200: retried with backoff and delivered once, every attempt audited', async () => {
    await metaSetup(recentPurchase());
    f.sim.script('meta_capi', [500, 500, 200]);
    const worker = realClockWorker();
    await worker.route();
    await worker.deliverOnce();
    let [d] = await f.deliveries();
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d!.reason).toMatch(/^Meta Conversions API temporary error/);
    const row = await f.t.database.db.delivery.findFirstOrThrow();
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 4_000); // backoff ≥ 5 s (10 s with jitter ≥ 50 %)
    await makeDue();
    await worker.deliverOnce();
    await makeDue();
    await worker.deliverOnce();
    [d] = await f.deliveries();
    expect(d).toMatchObject({ status: 'delivered', attempts: 3 });
    const attempts = await f.t.database.db.deliveryAttempt.findMany({ orderBy: { id: 'asc' } });
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
      [1, 500, 'retryable'],
      [2, 500, 'retryable'],
      [3, 200, 'delivered'],
    ]);
    expect(new Set(metaEventIds())).toEqual(new Set(['bosley:purchase_completed:2025020100003333']));
    expect(f.sim.receivedBy('meta_capi')).toHaveLength(3);
  });

  it("400 fails at once with the platform's reason", async () => {
    await metaSetup();
    f.sim.script('meta_capi', [{ status: 400 }]);
    await f.worker().drain();
    const [d] = await f.deliveries();
    expect(d!.status).toBe('failed');
    expect(d!.attempts).toBe(1);
    expect(d!.reason).toMatch(/^invalid_parameter: Meta Conversions API/);
    expect(f.sim.receivedBy('meta_capi')).toHaveLength(1);
  });

  it('429 with Retry-After waits that long', async () => {
    await metaSetup(recentPurchase());
    f.sim.script('meta_capi', [{ status: 429, retryAfter: 120 }]);
    const worker = realClockWorker();
    await worker.route();
    const before = Date.now();
    await worker.deliverOnce();
    const row = await f.t.database.db.delivery.findFirstOrThrow();
    expect(row.status).toBe('pending');
    const wait = row.nextAttemptAt.getTime() - before;
    expect(wait).toBeGreaterThan(110_000);
    expect(wait).toBeLessThan(130_000);
  });

  it('a worker that dies mid-batch loses nothing and duplicates nothing once its lease expires', async () => {
    await metaSetup();
    const crashed = f.worker({ id: 'crashed', leaseMs: 300 });
    await crashed.route();
    const claimed = await claimDeliveries(f.t.database.db, 'crashed', 10, 300);
    expect(claimed).toHaveLength(1);
    // The crashed worker never finishes; another worker finds nothing due until the lease expires.
    const survivor = f.worker({ id: 'survivor' });
    expect(await survivor.deliverOnce()).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(await survivor.reap()).toBe(1);
    await survivor.drain();
    // The crashed worker's late completion is fenced off.
    const lost = await completeDeliveries(f.t.database.db, 'crashed', [
      { id: claimed[0]!.id, status: 'failed', reason: 'late' },
    ]);
    expect(lost).toEqual([claimed[0]!.id]);
    const [d] = await f.deliveries();
    expect(d).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(metaEventIds()).toEqual(['bosley:purchase_completed:2025020100003333']);
  });

  it('two workers running together never send a delivery twice', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    const records = Array.from({ length: 240 }, (_, i) => ({ ...purchase, order_id: `ORD-${i}` }));
    expect((await f.ingest({ data: records })).accepted).toBe(240);
    const a = f.worker({ id: 'a', batchSize: 20 });
    const b = f.worker({ id: 'b', batchSize: 20 });
    await Promise.all([a.drain(100), b.drain(100)]);
    const ids = metaEventIds();
    expect(ids).toHaveLength(240);
    expect(new Set(ids).size).toBe(240);
    const statuses = (await f.deliveries()).map((d) => d.status);
    expect(statuses.filter((s) => s === 'delivered')).toHaveLength(240);
  });

  it.each([
    [
      'storefront',
      async (ids: { storefront: number; platform: number; credential: number }) =>
        f.t.call('PUT', `/admin/v1/storefronts/${ids.storefront}`, { is_active: false }),
      /^storefront switch: Storefront 'bosley' is disabled$/,
    ],
    [
      'platform',
      async (ids: { storefront: number; platform: number; credential: number }) =>
        f.t.call('PUT', `/admin/v1/platforms/${ids.platform}`, { is_active: false }),
      /^platform switch: Platform 'meta_capi' is disabled$/,
    ],
    [
      'credential',
      async (ids: { storefront: number; platform: number; credential: number }) =>
        f.t.call('PUT', `/admin/v1/credentials/${ids.credential}`, { is_active: false }),
      /^credential switch: Credential \d+ \(meta_capi\) is disabled$/,
    ],
  ])('flipping the %s switch stops pending deliveries', async (_level, flip, reason) => {
    const storefront = await f.storefront('bosley');
    const credential = await f.credential(storefront, 'meta_capi');
    const platform = (await f.t.database.db.platform.findUniqueOrThrow({ where: { code: 'meta_capi' } })).id;
    await f.ingest({ data: [purchase] });
    const worker = f.worker();
    await worker.route();
    expect((await f.deliveries())[0]!.status).toBe('pending');
    await flip({ storefront, platform, credential });
    await worker.deliverOnce();
    const [d] = await f.deliveries();
    expect(d!.status).toBe('suppressed');
    expect(d!.reason).toMatch(reason);
    expect(f.sim.received).toHaveLength(0);
  });

  it('flipping the sGTM switch after routing sends the pending delivery direct instead', async () => {
    const bosley = await f.storefront('bosley');
    const sgtm = (await (
      await f.t.call('POST', '/admin/v1/sgtm-configs', {
        storefront_id: bosley,
        sgtm_url: `${f.sim.url}/sgtm`,
        client_type: 'custom',
        custom_endpoint_path: '/collect',
      })
    ).json()) as { id: number };
    const credential = await f.credential(bosley, 'meta_capi', { destination_type: 'sgtm' });
    await f.ingest({ data: [purchase] });
    const worker = f.worker();
    await worker.route();
    expect((await f.deliveries()).map((d) => [d.key, d.status])).toEqual([[`sgtm:${sgtm.id}`, 'pending']]);

    await f.t.call('PUT', `/admin/v1/sgtm-configs/${sgtm.id}`, { is_active: false });
    await worker.drain();
    expect((await f.deliveries()).map((d) => [d.key, d.status, d.reason])).toEqual([
      [
        `sgtm:${sgtm.id}`,
        'suppressed',
        'sgtm switch: sGTM config disabled since routing; sent direct instead',
      ],
      [`credential:${credential}`, 'delivered', null],
    ]);
    expect(f.sim.receivedBy('sgtm')).toHaveLength(0);
    expect(metaEventIds()).toEqual(['bosley:purchase_completed:2025020100003333']);
  });

  it('a stored credential the adapter refuses fails its deliveries with the field named, audited, nothing sent', async () => {
    await metaSetup();
    // Edited directly in the database past the API's validation: the access token is gone.
    await f.t.database.db.credential.updateMany({
      data: { credentialsEncrypted: sealJson(f.t.cipher, { pixel_id: '123456789012345' }) },
    });
    await f.worker().drain();
    const [d] = await f.deliveries();
    expect([d!.status, d!.attempts]).toEqual(['failed', 1]);
    expect(d!.reason).toMatch(/^Meta Conversions API: .*access_token/s);
    const attempts = await f.t.database.db.deliveryAttempt.findMany();
    expect(attempts.map((a) => [a.exchangeId, a.outcome, a.reason])).toEqual([
      [null, 'config_error', d!.reason],
    ]);
    expect(f.sim.received).toHaveLength(0);
  });

  it.each([
    ['meta_capi', 'Meta Conversions API accepts events up to 7 days old'],
    ['tiktok_events', 'TikTok Events API accepts events up to 7 days old'],
    ['ga4', 'Google Analytics 4 accepts events up to 3 days old'],
  ])(
    "fails the seed's January events to %s with the platform's age window once the clock is past it",
    async (platform, window) => {
      const bosley = await f.storefront('bosley');
      await f.credential(bosley, platform);
      await f.ingest(SEED_BATCH);
      // The clock a production relay would have on 1 February 2026 (injected: no waiting).
      await f.worker({ now: () => new Date('2026-02-01T00:00:00Z') }).drain();
      const deliveries = await f.deliveries();
      expect(deliveries.map((d) => [d.platform, d.status, d.attempts, d.reason])).toEqual([
        [platform, 'failed', 1, `event_too_old: ${window}; this one happened at 2026-01-15T10:15:00.000Z`],
        [platform, 'failed', 1, `event_too_old: ${window}; this one happened at 2026-01-15T10:25:00.000Z`],
      ]);
      expect(f.sim.received).toHaveLength(0);
      // The attempt is audited although no request was made.
      const attempts = await f.t.database.db.deliveryAttempt.findMany({ orderBy: { id: 'asc' } });
      expect(attempts.map((a) => [a.attempt, a.exchangeId, a.statusCode, a.outcome, a.reason])).toEqual([
        [1, null, null, 'rejected', `${window}; this one happened at 2026-01-15T10:15:00.000Z`],
        [1, null, null, 'rejected', `${window}; this one happened at 2026-01-15T10:25:00.000Z`],
      ]);
    },
  );
});
