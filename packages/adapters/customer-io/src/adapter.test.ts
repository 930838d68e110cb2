import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  outcomesPerEvent,
  runAdapter,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { ulidFor } from './build-requests';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

testAdapterConformance(adapter);

describe('customer_io requests', () => {
  it('derives a stable ULID from the dedup key and the event time', () => {
    const at = new Date('2026-01-15T10:25:00Z');
    const id = ulidFor('bosley:purchase_completed:2025020100003333', at);
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(id.slice(0, 10)).toBe('01KF0JZS30'); // 1768472700000 ms in Crockford base32
    expect(ulidFor('bosley:purchase_completed:2025020100003333', at)).toBe(id);
    expect(ulidFor('bosley:purchase_completed:2025020100003334', at)).not.toBe(id);
  });

  it('rejects the seed events, which carry no person, before sending', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results[2]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_person',
      reason: 'Customer.io needs the person: an external_id/customer_id or an email',
    });
  });

  it('sends the seed purchase for a customer id: own time in seconds, ULID id, revenue', async () => {
    const purchase = { ...seedEvents()[2]!, user: { externalId: 'cust-42' } };
    const { requests } = await runAdapter(adapter, [purchase]);
    expect(requests[0]!.url).toBe('https://track.customer.io/api/v2/batch');
    expect(requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from('example-site-id:example-track-api-key-0123').toString('base64')}`,
    );
    expect(requests[0]!.json).toEqual({
      batch: [
        {
          type: 'person',
          action: 'event',
          identifiers: { id: 'cust-42' },
          name: 'order_completed',
          id: ulidFor('bosley:purchase_completed:2025020100003333', new Date('2026-01-15T10:25:00Z')),
          timestamp: 1768472700,
          attributes: {
            order_id: '2025020100003333',
            oms_event_name: 'purchase_completed',
            revenue: 80.79,
            currency: 'USD',
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

  it('builds the exact event of a fully populated purchase and uses the EU host', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], {
      credentials: { site_id: 'example-site-id', api_key: 'example-track-api-key-0123', region: 'eu' },
    });
    expect(requests[0]!.url).toBe('https://track-eu.customer.io/api/v2/batch');
    expect((requests[0]!.json as { batch: unknown[] }).batch[0]).toEqual({
      type: 'person',
      action: 'event',
      identifiers: { id: 'cust_42' },
      name: 'order_completed',
      id: ulidFor('evt_full_0001', new Date('2026-01-15T11:30:00Z')),
      timestamp: 1768476600,
      attributes: {
        order_id: 'ORD-1001',
        oms_event_name: 'purchase_completed',
        revenue: 129.5,
        currency: 'USD',
        session_id: 'sess_full',
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'bosley_q1',
        affiliate: 'bosleyaffiliate_0123',
        items: [
          { id: 'SKU-1', name: 'Hair Regrowth Kit', price: 99.5, quantity: 1, category: 'kits' },
          { id: 'SKU-2', name: 'Shampoo', price: 15, quantity: 2, category: 'care' },
        ],
      },
    });
  });
});

describe('customer_io responses', () => {
  const now = new Date('2026-01-15T12:00:00Z');
  it.each([
    [200, {}, { status: 'delivered' }],
    [
      401,
      { meta: { error: 'unauthorized' } },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'Customer.io refused the Track API credentials (401): {"meta":{"error":"unauthorized"}}',
      },
    ],
    [
      400,
      { meta: { error: 'invalid identifiers' } },
      {
        status: 'rejected',
        code: 'http_400',
        reason: 'Customer.io rejected the request (400): {"meta":{"error":"invalid identifiers"}}',
      },
    ],
    [429, {}, { status: 'retryable', reason: 'Customer.io answered 429: {}' }],
  ])('HTTP %i', (status, body, expected) => {
    expect(parse(jsonResponse(status, body), mappedEvents(2), now)).toEqual([expected, expected]);
  });
});
