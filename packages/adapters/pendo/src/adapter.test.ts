import type { MappedEvent } from '@relay/core';
import {
  FIXED_NOW,
  fullPurchaseEvent,
  jsonResponse,
  runAdapter,
  sampleEvent,
  SEED_BATCH,
  eventFromRecord,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { buildRequests, PROPERTIES_MAX_BYTES } from './build-requests';
import { adapter } from './index';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';

testAdapterConformance(adapter);

/** The seed batch's records with the customer id the OMS knows for each order. */
const seedEventsWithCustomer = () =>
  SEED_BATCH.data.map((record, i) => eventFromRecord({ ...record, customer_id: `cust-${i + 1}` }));

const ctxFor = (credentials = {}, options = {}) => ({
  credentials: credentialsSchema.parse({ ...adapter.credentialsExample, ...credentials }),
  options: optionsSchema.parse(options),
  baseUrl: adapter.baseUrl,
  now: FIXED_NOW,
  defaultCountry: 'US',
  nonce: () => 'n',
});

describe('pendo requests', () => {
  it('rejects the bare seed events without sending: Pendo needs a visitorId', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'missing_visitor_id',
        reason:
          'Pendo needs a visitorId: an external_id/customer_id, or an email when identify_by_email is on',
      })),
    );
  });

  it('builds the exact requests for the seed events once they carry a customer id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEventsWithCustomer());
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.every((r) => r.headers['x-pendo-integration-key'] === 'pendo-track-secret-0123456789abcdef'),
    ).toBe(true);
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "accountId": "bosley",
            "context": {},
            "event": "consult_started",
            "properties": {
              "affiliate": "bosleyaffiliate_0123",
              "oms_event_name": "consult_started",
              "order_id": "2025010100001111",
              "session_id": "sess_123",
              "storefront": "bosley",
              "utm_campaign": "bosley_q1",
              "utm_medium": "cpc",
              "utm_source": "facebook",
            },
            "timestamp": 1768472100000,
            "type": "track",
            "visitorId": "cust-1",
          },
          "method": "POST",
          "url": "https://app.pendo.io/data/track",
        },
        {
          "json": {
            "accountId": "pfizer",
            "context": {},
            "event": "rx_issued",
            "properties": {
              "affiliate": "pfizeraffiliate_0123",
              "oms_event_name": "rx_issued",
              "order_id": "2025010100002222",
              "session_id": "sess_789",
              "storefront": "pfizer",
              "utm_campaign": "pfizer_q1",
              "utm_medium": "cpc",
              "utm_source": "google",
            },
            "timestamp": 1768472430000,
            "type": "track",
            "visitorId": "cust-2",
          },
          "method": "POST",
          "url": "https://app.pendo.io/data/track",
        },
        {
          "json": {
            "accountId": "bosley",
            "context": {},
            "event": "Order Completed",
            "properties": {
              "affiliate": "bosleyaffiliate_0123",
              "currency": "USD",
              "oms_event_name": "purchase_completed",
              "order_id": "2025020100003333",
              "revenue": 80.79,
              "session_id": "sess_456",
              "storefront": "bosley",
              "utm_campaign": "bosley_q1",
              "utm_medium": "organic",
              "utm_source": "google",
            },
            "timestamp": 1768472700000,
            "type": "track",
            "visitorId": "cust-3",
          },
          "method": "POST",
          "url": "https://app.pendo.io/data/track",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "accountId": "bosley",
        "context": {
          "ip": "203.0.113.7",
          "url": "https://www.bosley.com/checkout/complete",
          "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
        },
        "event": "Order Completed",
        "properties": {
          "affiliate": "bosleyaffiliate_0123",
          "currency": "USD",
          "oms_event_name": "purchase_completed",
          "order_id": "ORD-1001",
          "revenue": 129.5,
          "session_id": "sess_full",
          "storefront": "bosley",
          "utm_campaign": "bosley_q1",
          "utm_medium": "cpc",
          "utm_source": "google",
        },
        "timestamp": 1768476600000,
        "type": "track",
        "visitorId": "cust_42",
      }
    `);
  });

  it('uses the trimmed, lower-cased email as visitorId without an external id, never hashing it, and sends no phone', async () => {
    const event = sampleEvent('purchase_completed', 1, {
      external_id: undefined,
      email: ' John.Doe@Example.COM ',
      phone: '(555) 123-4567',
    });
    const { requests } = await runAdapter(adapter, [event]);
    const body = requests[0]!.json as Record<string, unknown>;
    expect(body['visitorId']).toBe('john.doe@example.com');
    expect(requests[0]!.body).not.toMatch(/555|[0-9a-f]{64}/);
  });

  it('passes a 64-hex external id through unchanged as visitorId (Pendo does not hash)', async () => {
    const hex = 'A'.repeat(64);
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, { external_id: hex })]);
    expect((requests[0]!.json as { visitorId: string }).visitorId).toBe(hex);
  });

  it('rejects an email-only event when identify_by_email is off', async () => {
    const event = sampleEvent('lead', 1, { external_id: undefined });
    const { requests, results } = await runAdapter(adapter, [event], {
      options: { identify_by_email: false },
    });
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toMatchObject({ status: 'rejected', code: 'missing_visitor_id' });
  });

  it.each([
    ['us', 'https://app.pendo.io/data/track'],
    ['us1', 'https://us1.app.pendo.io/data/track'],
    ['eu', 'https://app.eu.pendo.io/data/track'],
    ['jpn', 'https://app.jpn.pendo.io/data/track'],
    ['au', 'https://app.au.pendo.io/data/track'],
  ])('sends region %s to %s', async (region, url) => {
    const { requests } = await runAdapter(adapter, [sampleEvent('page_view')], {
      credentials: { track_event_secret: 'pendo-track-secret-0123456789abcdef', region },
    });
    expect(requests[0]!.url).toBe(url);
  });

  it('keeps a base_url override (sandbox, simulator) over the region host', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('page_view')], {
      baseUrl: 'http://127.0.0.1:4010',
      credentials: { track_event_secret: 'pendo-track-secret-0123456789abcdef', region: 'eu' },
    });
    expect(requests[0]!.url).toBe('http://127.0.0.1:4010/data/track');
  });

  it('leaves accountId out when account_id is none, and sends an empty context when there is none', async () => {
    const [event] = seedEventsWithCustomer();
    const { requests } = await runAdapter(adapter, [event!], { options: { account_id: 'none' } });
    const body = requests[0]!.json as Record<string, unknown>;
    expect(body).not.toHaveProperty('accountId');
    expect(body['context']).toEqual({});
  });

  it('sends one request per event, each carrying its own index', () => {
    const events: MappedEvent[] = [1, 2, 3].map((n) => ({
      event: sampleEvent('add_to_cart', n),
      name: 'Product Added',
      custom: false,
    }));
    const requests = buildRequests(events, ctxFor());
    expect(requests.map((r) => r.eventIndexes)).toEqual([[0], [1], [2]]);
  });

  it('drops the least important properties to stay within 512 bytes and warns about them', async () => {
    const long = 'x'.repeat(150);
    const event = sampleEvent('purchase_completed', 1, {
      utm_source: long,
      utm_medium: long,
      utm_campaign: long,
      't-value': 'affiliate_1',
      session_id: 'sess_1',
    });
    const { requests, results } = await runAdapter(adapter, [event]);
    const properties = (requests[0]!.json as { properties: Record<string, unknown> }).properties;
    expect(Buffer.byteLength(JSON.stringify(properties))).toBeLessThanOrEqual(PROPERTIES_MAX_BYTES);
    expect(Object.keys(properties)).toEqual([
      'order_id',
      'revenue',
      'currency',
      'oms_event_name',
      'storefront',
      'session_id',
      'utm_source',
      'utm_medium',
    ]);
    expect(results[0]!.outcome).toEqual({
      status: 'delivered',
      warnings: ['Pendo shows properties over 512 bytes as "too large"; left out: utm_campaign, affiliate'],
    });
  });
});

describe('pendo responses', () => {
  const mapped: MappedEvent[] = [
    { event: sampleEvent('purchase_completed'), name: 'Order Completed', custom: false },
  ];
  const ctx = () => {
    const built = { requests: buildRequests(mapped, ctxFor()) };
    return { ...ctxFor(), request: built.requests[0]! };
  };

  it('200 → delivered without warnings when every property was sent', () => {
    expect(parseResponse({ status: 200, headers: {}, body: '', json: undefined }, mapped, ctx())).toEqual([
      { status: 'delivered' },
    ]);
  });

  it('error table: 401 → needs attention for the request (the shared secret has no refresh flow)', () => {
    expect(parseResponse(jsonResponse(401, { message: 'invalid key' }), mapped, ctx())).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Pendo refused the Track Event shared secret (401); copy the current one from the app\'s settings: {"message":"invalid key"}',
    });
  });

  it.each([
    [403, { status: 'auth', kind: 'needs-attention', reason: 'Pendo denied access (403): forbidden' }],
    [400, { status: 'rejected', code: 'http_400', reason: 'Pendo rejected the request (400): forbidden' }],
    [429, { status: 'retryable', reason: 'Pendo answered 429: forbidden' }],
    [503, { status: 'retryable', reason: 'Pendo answered 503: forbidden' }],
  ])('HTTP %i follows the default table', (status, expected) => {
    expect(parseResponse({ status, headers: {}, body: 'forbidden', json: undefined }, mapped, ctx())).toEqual(
      expected,
    );
  });
});
