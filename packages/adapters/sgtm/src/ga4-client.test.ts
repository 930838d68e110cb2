import { FIXED_NOW, runAdapter, sampleEvent } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import type { Ga4Body } from './ga4-client';
import { adapter } from './index';

const bodyOf = (json: unknown) => json as Ga4Body;

describe('sgtm ga4 client batching and identity', () => {
  it('puts events sharing client, user and consent in one request, each with its own time', async () => {
    const a = sampleEvent('add_to_cart', 1, {
      session_id: 's1',
      external_id: 'cust_1',
      event_time: '2026-01-15T11:00:00Z',
    });
    const b = sampleEvent('purchase_completed', 2, {
      session_id: 's1',
      external_id: 'cust_1',
      email: 'user1@example.com',
      event_time: '2026-01-15T11:05:00Z',
    });
    const c = sampleEvent('page_view', 3, { session_id: 's2' });
    const { requests, results } = await runAdapter(adapter, [a, b, c]);
    expect(results.map((r) => r.platformEventName)).toEqual(['add_to_cart', 'purchase', 'page_view']);
    expect(requests).toHaveLength(2);
    const first = bodyOf(requests[0]!.json);
    expect(first.events.map((e) => [e.name, e.timestamp_micros])).toEqual([
      ['add_to_cart', 1768474800000000],
      ['purchase', 1768475100000000],
    ]);
    expect(first.timestamp_micros).toBe(1768474800000000);
    expect(first.user_id).toBe('cust_1');
    expect(bodyOf(requests[1]!.json).events.map((e) => e.name)).toEqual(['page_view']);
  });

  it('splits a shared client id at 25 events', async () => {
    const events = Array.from({ length: 26 }, (_, i) =>
      sampleEvent('purchase_completed', i + 1, {
        session_id: 'same',
        external_id: 'same',
        email: 'same@example.com',
      }),
    );
    const { requests, results } = await runAdapter(adapter, events);
    expect(requests.map((r) => bodyOf(r.json).events.length)).toEqual([25, 1]);
    expect(results.every((r) => r.outcome.status === 'delivered')).toBe(true);
  });

  it('prefers the browser client id the record carries', async () => {
    const event = sampleEvent('purchase_completed', 1, {
      ga_client_id: '1234567890.1768470000',
      session_id: 's1',
    });
    const { requests } = await runAdapter(adapter, [event]);
    expect(bodyOf(requests[0]!.json).client_id).toBe('1234567890.1768470000');
    expect(bodyOf(requests[0]!.json).events[0]!.params).not.toHaveProperty('ga_client_id');
  });

  it('derives the client id from the dedup key when there is no session', async () => {
    const first = await runAdapter(adapter, [sampleEvent('lead', 7)]);
    const again = await runAdapter(adapter, [sampleEvent('lead', 7)]);
    const other = await runAdapter(adapter, [sampleEvent('lead', 8)]);
    const id = bodyOf(first.requests[0]!.json).client_id;
    expect(id).toMatch(/^\d+\.\d+$/);
    expect(bodyOf(again.requests[0]!.json).client_id).toBe(id);
    expect(bodyOf(other.requests[0]!.json).client_id).not.toBe(id);
  });

  it('adds engagement_time_msec when configured and passes GA4-valid custom names', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('Rx-Issued v2', 1)], {
      options: { engagementTimeMsec: 100 },
    });
    const event = bodyOf(requests[0]!.json).events[0]!;
    expect(event.name).toBe('Rx_Issued_v2');
    expect(event.params['engagement_time_msec']).toBe(100);
  });

  it('sends to the credential base_url override instead of sgtm_url (simulator, sandbox)', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('purchase_completed', 1)], {
      baseUrl: 'http://127.0.0.1:4010/sgtm/',
    });
    expect(requests[0]!.url).toBe(
      'http://127.0.0.1:4010/sgtm/mp/collect?measurement_id=G-TEST123456&api_secret=example-api-secret-123456',
    );
    expect(FIXED_NOW.toISOString()).toBe('2026-01-15T12:00:00.000Z');
  });

  it('forwards refunds and cancellations as GA4 does: a refund event with the transaction id and the refunded amount', async () => {
    const { results, requests } = await runAdapter(adapter, [
      sampleEvent('order_cancelled', 1, { order_revenue: -42, session_id: 's1' }),
    ]);
    expect(results.map((r) => [r.platformEventName, r.outcome.status])).toEqual([['refund', 'delivered']]);
    const params = bodyOf(requests[0]!.json).events[0]!.params;
    expect([params['transaction_id'], params['value'], params['currency']]).toEqual(['ORD-0001', 42, 'USD']);
  });

  it('follows the credential event map (rename and stop)', async () => {
    const { results, requests } = await runAdapter(
      adapter,
      [sampleEvent('rx_issued', 1), sampleEvent('consult_started', 2)],
      { options: { eventMap: { rx_issued: 'generate_lead', consult_started: null } } },
    );
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'skipped']);
    expect(requests.map((r) => bodyOf(r.json).events[0]!.name)).toEqual(['generate_lead']);
  });
});
