import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  outcomesPerEvent,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

testAdapterConformance(adapter);

describe('heap requests', () => {
  it('rejects the seed events, which carry no identity, before sending', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results[2]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_identity',
      reason: 'Heap needs an identity: an external_id/customer_id, or an email',
    });
  });

  it('sends the seed purchase with a customer id: own time, order id, revenue, dedup key as idempotency_key', async () => {
    const purchase = { ...seedEvents()[2]!, user: { externalId: 'cust-42' } };
    const { requests } = await runAdapter(adapter, [purchase]);
    expect(requests[0]!.url).toBe('https://heapanalytics.com/api/track');
    expect(requests[0]!.json).toEqual({
      app_id: '1234567890',
      events: [
        {
          identity: 'cust-42',
          event: 'Order Completed',
          timestamp: '2026-01-15T10:25:00.000Z',
          idempotency_key: 'bosley:purchase_completed:2025020100003333',
          properties: {
            order_id: '2025020100003333',
            revenue: 80.79,
            currency: 'USD',
            oms_event_name: 'purchase_completed',
            session_id: 'sess_456',
            utm_source: 'google',
            utm_medium: 'organic',
            utm_campaign: 'bosley_q1',
            affiliate: 'bosleyaffiliate_0123',
          },
        },
      ],
    });
  });

  it('builds the exact body of a fully populated purchase (flat properties, arrays joined with ||)', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect((requests[0]!.json as { events: unknown[] }).events[0]).toEqual({
      identity: 'cust_42',
      event: 'Order Completed',
      timestamp: '2026-01-15T11:30:00.000Z',
      idempotency_key: 'evt_full_0001',
      properties: {
        order_id: 'ORD-1001',
        revenue: 129.5,
        currency: 'USD',
        oms_event_name: 'purchase_completed',
        session_id: 'sess_full',
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'bosley_q1',
        affiliate: 'bosleyaffiliate_0123',
        page_url: 'https://www.bosley.com/checkout/complete',
        item_ids: 'SKU-1||SKU-2',
      },
    });
  });

  it('identifies by the normalised email without an external id, and uses the EU host', async () => {
    const event = sampleEvent('consult_started', 1, { external_id: undefined, email: ' Ann@Example.com ' });
    const { requests } = await runAdapter(adapter, [event], {
      credentials: { app_id: '1234567890', region: 'eu' },
    });
    expect(requests[0]!.url).toBe('https://c.eu.heap-api.com/api/track');
    expect(
      (requests[0]!.json as { events: Array<{ identity: string; event: string }> }).events[0],
    ).toMatchObject({
      identity: 'ann@example.com',
      event: 'consult_started',
    });
  });
});

describe('heap responses', () => {
  const now = new Date('2026-01-15T12:00:00Z');
  it.each([
    [200, '', { status: 'delivered' }],
    [
      400,
      { message: 'identity too long' },
      {
        status: 'rejected',
        code: 'http_400',
        reason: 'Heap rejected the request (400): {"message":"identity too long"}',
      },
    ],
    [
      429,
      { message: 'slow down' },
      { status: 'retryable', reason: 'Heap answered 429: {"message":"slow down"}' },
    ],
  ])('HTTP %i', (status, body, expected) => {
    expect(parse(jsonResponse(status, body), mappedEvents(2), now)).toEqual([expected, expected]);
  });
});
