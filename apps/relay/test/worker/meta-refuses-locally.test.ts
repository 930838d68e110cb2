import { FULL_PURCHASE_RECORD, SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelayMetrics } from '../../src/metrics/registry';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

interface EventDetail {
  order_id: string;
  deliveries: Array<{
    platform_code?: string;
    status: string;
    reason: string | null;
    attempt_log: Array<{ status_code: number | null; outcome: string; reason: string | null }>;
  }>;
}

const NO_CUSTOMER_INFORMATION =
  'missing_customer_information: Meta needs at least one customer-information parameter to match an event (email, phone, name, city/state/zip/country, external id, IP address, user agent, fbc or fbp); this record carries none: send the customer email or the browser IP and user agent with it';

describe('Meta: records without customer data are refused locally, never sinking a good purchase', () => {
  it("posts the seed batch next to a fully identified purchase: the purchase reaches Meta alone, the others show Relay's reason", async () => {
    const bosley = await f.storefront('bosley');
    const pfizer = await f.storefront('pfizer');
    await f.credential(bosley, 'meta_capi');
    await f.credential(pfizer, 'meta_capi');
    // The full purchase is dated like the seed records so every event is inside Meta's window.
    const full = { ...FULL_PURCHASE_RECORD, event_time: '2026-01-15T11:30:00Z' };
    const { ids } = await f.ingest({ data: [...SEED_BATCH.data, full] });
    expect(ids).toHaveLength(4);
    await f.worker().drain();

    // Only the identified purchase went to Meta, in one request.
    const sent = f.sim
      .receivedBy('meta_capi')
      .flatMap((r) => (r.json as { data: Array<{ custom_data: { order_id: string } }> }).data);
    expect(sent.map((e) => e.custom_data.order_id)).toEqual([FULL_PURCHASE_RECORD.order_id]);

    const detail = async (id: number) =>
      (await (await f.t.call('GET', `/admin/v1/events/${id}`)).json()) as EventDetail;
    for (const id of ids.slice(0, 3)) {
      const event = await detail(id);
      expect(event.deliveries).toHaveLength(1);
      expect(event.deliveries[0]).toMatchObject({ status: 'failed', reason: NO_CUSTOMER_INFORMATION });
      // Audited without an HTTP exchange: nothing was sent.
      expect(event.deliveries[0]!.attempt_log.map((a) => [a.status_code, a.outcome])).toEqual([
        [null, 'rejected'],
      ]);
    }
    const purchase = await detail(ids[3]!);
    expect(purchase.order_id).toBe(FULL_PURCHASE_RECORD.order_id);
    expect(purchase.deliveries.map((d) => d.status)).toEqual(['delivered']);
    expect(purchase.deliveries[0]!.attempt_log.map((a) => [a.status_code, a.outcome])).toEqual([
      [200, 'delivered'],
    ]);
  });

  it('isolates the bad event of a batch Meta refuses as a whole, and counts the extra requests in /metrics', async () => {
    const bosley = await f.storefront('bosley');
    await f.credential(bosley, 'meta_capi');
    const purchases = Array.from({ length: 4 }, (_, i) => ({
      ...SEED_BATCH.data[2],
      order_id: `ORD-${i}`,
      email: `buyer${i}@example.com`,
    }));
    const { ids } = await f.ingest({ data: purchases });
    // Meta refuses any request carrying ORD-2 (code 100, naming no event).
    f.sim.refuseWholeRequests('meta_capi', (event) =>
      JSON.stringify(event).includes('ORD-2') ? 'The parameter user_data is malformed.' : undefined,
    );
    const metrics = new RelayMetrics({ processMetrics: false });
    await f.worker({ metrics }).drain();
    const statuses = await Promise.all(
      ids.map(async (id) => {
        const d = (await (await f.t.call('GET', `/admin/v1/events/${id}`)).json()) as EventDetail;
        return [d.order_id, d.deliveries[0]!.status, d.deliveries[0]!.reason] as const;
      }),
    );
    expect(statuses).toEqual([
      ['ORD-0', 'delivered', null],
      ['ORD-1', 'delivered', null],
      [
        'ORD-2',
        'failed',
        expect.stringMatching(
          /^invalid_parameter: Meta Conversions API rejected the batch: The parameter user_data is malformed\./,
        ),
      ],
      ['ORD-3', 'delivered', null],
    ]);
    // 4 events, 1 bad: the refused request, its halves, then the bad half's singles.
    expect(f.sim.receivedBy('meta_capi')).toHaveLength(5);
    expect((await metrics.render()).body).toContain('relay_isolation_requests_total{platform="meta_capi"} 4');
  });
});
