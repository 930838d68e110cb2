import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

/** A seed purchase with an email, an hour ago (inside Meta's 7-day window on the real clock). */
const purchase = (order: string) => ({
  ...SEED_BATCH.data[2],
  email: 'buyer@example.com',
  order_id: order,
  event_time: new Date(Date.now() - 3_600_000).toISOString(),
});

/** Make every waiting delivery due now (time passing, without waiting). */
const makeDue = () =>
  f.t.database.db.$executeRawUnsafe(
    "UPDATE deliveries SET next_attempt_at = NOW(3) WHERE status = 'pending'",
  );

const json = async (method: string, path: string, body?: unknown) => {
  const res = await f.t.call(method, path, body);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};

const REFUSAL =
  'Meta Conversions API access token is expired or invalid; generate a new one in Events Manager: Error validating access token: The user has not authorized application (code 190)';

describe('a credential the platform refuses', () => {
  it('pauses its destination: deliveries wait without spending attempts, shown in the API and /metrics; an update resumes them', async () => {
    const bosley = await f.storefront('bosley');
    const credentialId = await f.credential(bosley, 'meta_capi');
    const { ids } = await f.ingest({ data: [purchase('ORDER-1')] });
    f.sim.script('meta_capi', [
      {
        status: 403,
        body: {
          error: {
            message: 'Error validating access token: The user has not authorized application',
            type: 'OAuthException',
            code: 190,
          },
        },
      },
    ]);
    const worker = f.worker({ now: () => new Date() });
    await worker.route();
    await worker.deliverOnce();

    const paused = ['meta_capi', 'paused', 0, `credential paused (needs attention): ${REFUSAL}`];
    expect((await f.deliveries()).map((d) => [d.platform, d.status, d.attempts, d.reason])).toEqual([paused]);
    expect(f.sim.receivedBy('meta_capi')).toHaveLength(1);

    // The credential says so, for the console.
    const credential = await json('GET', `/admin/v1/credentials/${credentialId}`);
    expect(credential.pause_reason).toBe(REFUSAL);
    expect(Date.parse(credential.paused_at as string)).toBeGreaterThan(Date.now() - 60_000);
    // So does the event.
    const event = await json('GET', `/admin/v1/events/${ids[0]}`);
    expect(
      (event.deliveries as Array<Record<string, unknown>>).map((d) => [d.status, d.attempts, d.reason]),
    ).toEqual([['paused', 0, paused[3]]]);
    // And /metrics, per destination.
    const metrics = await (await f.t.call('GET', '/metrics')).text();
    expect(metrics).toContain(
      `relay_destination_paused{platform="meta_capi",destination="credential:${credentialId}"} 1`,
    );

    // A later event and many passes of time: nothing is sent, no attempt is spent, nothing fails.
    await f.ingest({ data: [purchase('ORDER-2')] });
    for (let pass = 0; pass < 5; pass++) {
      await makeDue();
      await worker.drain();
      await worker.reap();
    }
    expect((await f.deliveries()).map((d) => [d.status, d.attempts, d.reason])).toEqual([
      ['paused', 0, paused[3]],
      ['paused', 0, paused[3]],
    ]);
    expect(f.sim.receivedBy('meta_capi')).toHaveLength(1);

    // The operator saves a new token: both are delivered, first try.
    await json('PUT', `/admin/v1/credentials/${credentialId}`, {
      credentials: f.registry.get('meta_capi')!.credentialsExample,
    });
    const fixed = await json('GET', `/admin/v1/credentials/${credentialId}`);
    expect([fixed.paused_at, fixed.pause_reason]).toEqual([null, null]);
    await worker.drain();
    expect((await f.deliveries()).map((d) => [d.status, d.attempts, d.reason])).toEqual([
      ['delivered', 1, null],
      ['delivered', 1, null],
    ]);
    expect(f.sim.receivedBy('meta_capi')).toHaveLength(2);
    expect(await (await f.t.call('GET', '/metrics')).text()).not.toContain('relay_destination_paused{');
  });

  it('keeps paused deliveries inside the platform age window: past it they fail with that reason, unsent', async () => {
    const bosley = await f.storefront('bosley');
    const credentialId = await f.credential(bosley, 'meta_capi');
    await f.ingest({ data: [purchase('ORDER-1')] });
    f.sim.script('meta_capi', [403]);
    await f.worker({ now: () => new Date() }).drain();
    expect((await f.deliveries()).map((d) => d.status)).toEqual(['paused']);
    // Eight days later (Meta takes events up to 7 days old) a new event for the paused credential.
    const later = f.worker({ now: () => new Date(Date.now() + 8 * 86_400_000) });
    await f.ingest({ data: [purchase('ORDER-2')] });
    await later.drain();
    let [first, second] = await f.deliveries();
    expect(first!.status).toBe('paused');
    expect([second!.status, second!.attempts]).toEqual(['failed', 1]);
    expect(second!.reason).toBe(
      "event older than the platform's 168 h limit while its credential was paused: Meta Conversions API permission denied: Simulated 403 (code 200, fbtrace_id SIM00000001)",
    );
    // Fixed then: the waiting one is past the window too, and fails without being sent.
    await json('PUT', `/admin/v1/credentials/${credentialId}`, { is_active: true });
    await later.drain();
    [first] = await f.deliveries();
    expect([first!.status, first!.attempts]).toEqual(['failed', 1]);
    expect(first!.reason).toMatch(/^event_too_old: Meta Conversions API accepts events up to 7 days old/);
    expect(f.sim.receivedBy('meta_capi')).toHaveLength(1);
  });
});
