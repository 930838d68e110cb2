import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
  openApiValidator,
  readSpecFile,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

testAdapterConformance(adapter);

/** FullStory's own Swagger 2.0 spec (MIT; see __fixtures__/SOURCE.md). */
const validate = openApiValidator(
  readSpecFile(new URL('./__fixtures__/events.swagger.json', import.meta.url)),
  '#/definitions/fullstory.v2.events.CreateEventRequest',
);

describe('fullstory requests', () => {
  it('sends each seed event with its own time, order id, value, and the dedup key as Idempotency-Key', async () => {
    const { requests } = await runAdapter(adapter, seedEvents());
    expect(requests.map((r) => [r.url, r.headers['idempotency-key']])).toEqual([
      ['https://api.fullstory.com/v2/events', 'bosley:consult_started:2025010100001111'],
      ['https://api.fullstory.com/v2/events', 'pfizer:rx_issued:2025010100002222'],
      ['https://api.fullstory.com/v2/events', 'bosley:purchase_completed:2025020100003333'],
    ]);
    expect(requests[2]!.json).toEqual({
      name: 'Order Completed',
      timestamp: '2026-01-15T10:25:00.000Z',
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
    });
    expect(requests[0]!.json).toMatchObject({
      name: 'consult_started',
      timestamp: '2026-01-15T10:15:00.000Z',
    });
    expect(requests[0]!.headers.authorization).toBe('Basic na1.example-fullstory-api-key-0123456789');
    for (const r of requests) expect(validate(r.json)).toEqual([]);
  });

  it('builds the exact body of a fully populated purchase, valid against the spec', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], {
      options: { use_most_recent_session: true },
    });
    expect(requests[0]!.json).toEqual({
      name: 'Order Completed',
      timestamp: '2026-01-15T11:30:00.000Z',
      user: { uid: 'cust_42' },
      session: { use_most_recent: true },
      context: {
        browser: {
          url: 'https://www.bosley.com/checkout/complete',
          user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15',
        },
        location: { ip_address: '203.0.113.7', city: 'New York', country: 'US' },
      },
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
        items: [
          { id: 'SKU-1', name: 'Hair Regrowth Kit', price: 99.5, quantity: 1, category: 'kits' },
          { id: 'SKU-2', name: 'Shampoo', price: 15, quantity: 2, category: 'care' },
        ],
      },
    });
    expect(validate(requests[0]!.json)).toEqual([]);
  });

  it('uses the EU host for eu1 orgs and never sends PII beyond what FullStory context takes', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], {
      credentials: { api_key: 'eu1.example-fullstory-api-key-0123456789', region: 'eu1' },
    });
    expect(requests[0]!.url).toBe('https://api.eu1.fullstory.com/v2/events');
    expect(JSON.stringify(requests[0]!.json)).not.toContain('user1@example.com');
  });
});

describe('fullstory responses', () => {
  const now = new Date('2026-01-15T12:00:00Z');
  it.each([
    [200, {}, { status: 'delivered' }],
    [
      409,
      { code: 'conflict', message: 'idempotency key already used' },
      {
        status: 'delivered',
        warnings: [
          'FullStory already recorded this event (idempotency key reused): idempotency key already used',
        ],
      },
    ],
    [
      400,
      { code: 'invalid_argument', message: 'name is required' },
      {
        status: 'rejected',
        code: 'http_400',
        reason: 'FullStory rejected the request (400): name is required (invalid_argument)',
      },
    ],
    [
      401,
      { code: 'unauthenticated', message: 'bad key' },
      {
        status: 'auth',
        kind: 'refresh',
        reason: 'FullStory rejected the credentials (401): bad key (unauthenticated)',
      },
    ],
    [500, { message: 'internal' }, { status: 'retryable', reason: 'FullStory answered 500: internal' }],
  ])('HTTP %i %j', (status, body, expected) => {
    expect(parseResponse(jsonResponse(status, body), mappedEvents(1), now)).toEqual([expected]);
  });
});
