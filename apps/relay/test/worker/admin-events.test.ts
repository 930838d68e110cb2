import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

describe('admin events and replay', () => {
  it('lists events, shows one with its deliveries and attempts, replays its failed deliveries', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    const { ids: event_ids } = await f.ingest({
      data: [{ ...SEED_BATCH.data[2], email: 'buyer@example.com' }],
    });
    f.sim.script('meta_capi', [{ status: 400 }]);
    await f.worker().drain();

    const list = (await (await f.t.call('GET', '/admin/v1/events?status=routed')).json()) as {
      total: number;
      items: Array<{ id: number }>;
    };
    expect(list.total).toBe(1);
    expect(list.items[0]!.id).toBe(event_ids[0]);

    const detail = (await (await f.t.call('GET', `/admin/v1/events/${event_ids[0]}`)).json()) as {
      order_id: string;
      deliveries: Array<{ status: string; attempt_log: Array<{ status_code: number; outcome: string }> }>;
    };
    expect(detail.order_id).toBe('2025020100003333');
    expect(detail.deliveries).toHaveLength(1);
    expect(detail.deliveries[0]!.status).toBe('failed');
    expect(detail.deliveries[0]!.attempt_log.map((a) => [a.status_code, a.outcome])).toEqual([
      [400, 'rejected'],
    ]);

    const replay = await (await f.t.call('POST', `/admin/v1/events/${event_ids[0]}/replay`)).json();
    expect(replay).toEqual({ replayed: 1 });
    await f.worker().drain();
    const after = (await (await f.t.call('GET', `/admin/v1/events/${event_ids[0]}`)).json()) as typeof detail;
    expect(after.deliveries[0]!.status).toBe('delivered');
    expect(after.deliveries[0]!.attempt_log.map((a) => a.status_code)).toEqual([400, 200]);
    // Each attempt shows the request that carried it (stored once per HTTP request).
    const [first] = (
      (await (await f.t.call('GET', `/admin/v1/events/${event_ids[0]}`)).json()) as {
        deliveries: Array<{
          attempt_log: Array<{
            method: string;
            url: string;
            request_excerpt: string;
            response_excerpt: string;
          }>;
        }>;
      }
    ).deliveries[0]!.attempt_log;
    expect(first!.method).toBe('POST');
    expect(first!.url).toMatch(/\/meta_capi\/v25\.0\/\d+\/events$/);
    expect(first!.request_excerpt).toContain('2025020100003333');
    expect(first!.response_excerpt).toContain('error');
    expect((await f.t.call('GET', '/admin/v1/events/999999')).status).toBe(404);
  });

  it('replays all failed deliveries of a platform, storefront and time range', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    await f.credential(bosley, 'tiktok_events');
    await f.ingest({ data: SEED_BATCH.data.map((r) => ({ ...r, email: 'buyer@example.com' })) });
    f.sim.script('meta_capi', [{ status: 400 }], { repeatLast: true });
    await f.worker().drain();
    const failed = (await f.deliveries()).filter((d) => d.status === 'failed');
    expect(failed.map((d) => d.platform)).toEqual(['meta_capi', 'meta_capi']);

    const none = await (
      await f.t.call('POST', '/admin/v1/deliveries/replay', {
        platform_code: 'meta_capi',
        from: '2026-02-01T00:00:00Z',
      })
    ).json();
    expect(none).toEqual({ replayed: 0 });
    const some = await (
      await f.t.call('POST', '/admin/v1/deliveries/replay', {
        platform_code: 'meta_capi',
        storefront_id: bosley,
        from: '2026-01-15T10:20:00Z',
        to: '2026-01-16T00:00:00Z',
      })
    ).json();
    expect(some).toEqual({ replayed: 1 });
    const bad = await f.t.call('POST', '/admin/v1/deliveries/replay', {});
    expect(bad.status).toBe(422);
  });
});
