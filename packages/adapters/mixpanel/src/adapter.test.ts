import { sha256Hex } from '@relay/core';
import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { insertIdOf } from './insert-id';
import { parseResponse } from './parse-response';

testAdapterConformance(adapter, {
  success: () => ({ status: 200, body: { code: 200, num_records_imported: 1, status: 'OK' } }),
});

type Body = Array<{ event: string; properties: Record<string, unknown> }>;

describe('mixpanel requests', () => {
  it('builds the exact /import body for the seed events (anonymous: distinct_id "")', async () => {
    const { requests } = await runAdapter(adapter, seedEvents());
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers['authorization']).toBe(
      `Basic ${Buffer.from('relay.3f9c2a.mp-service-account:Qm9ndXNTZWNyZXRGb3JUZXN0c09ubHkx').toString('base64')}`,
    );
    expect({
      method: requests[0]!.method,
      url: requests[0]!.url,
      json: requests[0]!.json,
    }).toMatchInlineSnapshot(`
      {
        "json": [
          {
            "event": "consult_started",
            "properties": {
              "$insert_id": "405e0505717d866afbbfb0af5729c300",
              "affiliate": "bosleyaffiliate_0123",
              "distinct_id": "",
              "oms_event_name": "consult_started",
              "order_id": "2025010100001111",
              "relay_dedup_key": "bosley:consult_started:2025010100001111",
              "session_id": "sess_123",
              "storefront": "bosley",
              "time": 1768472100000,
              "utm_campaign": "bosley_q1",
              "utm_medium": "cpc",
              "utm_source": "facebook",
            },
          },
          {
            "event": "rx_issued",
            "properties": {
              "$insert_id": "825c31302b7d088582e45f8968a34763",
              "affiliate": "pfizeraffiliate_0123",
              "distinct_id": "",
              "oms_event_name": "rx_issued",
              "order_id": "2025010100002222",
              "relay_dedup_key": "pfizer:rx_issued:2025010100002222",
              "session_id": "sess_789",
              "storefront": "pfizer",
              "time": 1768472430000,
              "utm_campaign": "pfizer_q1",
              "utm_medium": "cpc",
              "utm_source": "google",
            },
          },
          {
            "event": "Order Completed",
            "properties": {
              "$insert_id": "5afa9cbf936033db99dd03c29ed37e2c",
              "affiliate": "bosleyaffiliate_0123",
              "currency": "USD",
              "distinct_id": "",
              "oms_event_name": "purchase_completed",
              "order_id": "2025020100003333",
              "relay_dedup_key": "bosley:purchase_completed:2025020100003333",
              "revenue": 80.79,
              "session_id": "sess_456",
              "storefront": "bosley",
              "time": 1768472700000,
              "utm_campaign": "bosley_q1",
              "utm_medium": "organic",
              "utm_source": "google",
            },
          },
        ],
        "method": "POST",
        "url": "https://api.mixpanel.com/import?strict=1&project_id=3141592",
      }
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      [
        {
          "event": "Order Completed",
          "properties": {
            "$current_url": "https://www.bosley.com/checkout/complete",
            "$insert_id": "c429b744bb992ecd437153cb2e333bfb",
            "$user_id": "cust_42",
            "affiliate": "bosleyaffiliate_0123",
            "currency": "USD",
            "distinct_id": "cust_42",
            "ip": "203.0.113.7",
            "items": [
              {
                "category": "kits",
                "name": "Hair Regrowth Kit",
                "price": 99.5,
                "product_id": "SKU-1",
                "quantity": 1,
              },
              {
                "category": "care",
                "name": "Shampoo",
                "price": 15,
                "product_id": "SKU-2",
                "quantity": 2,
              },
            ],
            "oms_event_name": "purchase_completed",
            "order_id": "ORD-1001",
            "relay_dedup_key": "evt_full_0001",
            "revenue": 129.5,
            "session_id": "sess_full",
            "storefront": "bosley",
            "time": 1768476600000,
            "utm_campaign": "bosley_q1",
            "utm_medium": "cpc",
            "utm_source": "google",
          },
        },
      ]
    `);
  });

  it('uses the EU and India hosts for the region, and a base_url override as is', async () => {
    const credentials = { ...adapter.credentialsExample, region: 'eu' };
    const eu = await runAdapter(adapter, [sampleEvent('lead')], { credentials });
    expect(eu.requests[0]!.url).toBe('https://api-eu.mixpanel.com/import?strict=1&project_id=3141592');
    const india = await runAdapter(adapter, [sampleEvent('lead')], {
      credentials: { ...adapter.credentialsExample, region: 'in' },
    });
    expect(india.requests[0]!.url).toBe('https://api-in.mixpanel.com/import?strict=1&project_id=3141592');
  });

  it('identifies by email only when identify_by_email is set', async () => {
    const event = sampleEvent('lead', 1, { external_id: undefined, email: ' John.Doe@Example.COM ' });
    const anonymous = await runAdapter(adapter, [event]);
    expect((anonymous.requests[0]!.json as Body)[0]!.properties['distinct_id']).toBe('');
    const byEmail = await runAdapter(adapter, [event], { options: { identify_by_email: true } });
    expect((byEmail.requests[0]!.json as Body)[0]!.properties).toMatchObject({
      distinct_id: 'john.doe@example.com',
      $user_id: 'john.doe@example.com',
    });
  });

  it('names canonical events the Segment-spec way and keeps custom names', async () => {
    const names = [
      'purchase_completed',
      'checkout_started',
      'add_to_cart',
      'lead',
      'signup',
      'page_view',
      'rx_issued',
    ];
    const { requests } = await runAdapter(
      adapter,
      names.map((n, i) => sampleEvent(n, i + 1)),
    );
    expect((requests[0]!.json as Body).map((e) => e.event)).toEqual([
      'Order Completed',
      'Checkout Started',
      'Product Added',
      'Lead Submitted',
      'Signed Up',
      'Page Viewed',
      'rx_issued',
    ]);
  });
});

describe('mixpanel revenue', () => {
  it('puts revenue only on purchases, negative on refunds; other values are `value`', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1),
      sampleEvent('checkout_started', 2),
      sampleEvent('lead', 3),
      sampleEvent('order_refunded', 4, { order_revenue: 20 }),
      sampleEvent('order_cancelled', 5, { order_revenue: -80.79 }),
    ]);
    expect(
      (requests[0]!.json as Body).map((e) => [
        e.event,
        e.properties['revenue'],
        e.properties['value'],
        e.properties['currency'],
      ]),
    ).toEqual([
      ['Order Completed', 11, undefined, 'USD'],
      ['Checkout Started', undefined, 12, 'USD'],
      ['Lead Submitted', undefined, 13, 'USD'],
      ['Order Refunded', -20, undefined, 'USD'],
      ['Order Refunded', -80.79, undefined, 'USD'],
    ]);
  });
});

describe('mixpanel $insert_id', () => {
  it('keeps a dedup key of ≤ 36 letters, digits and dashes', () => {
    expect(insertIdOf('evt-full-0001')).toBe('evt-full-0001');
  });

  it('hashes any other dedup key to 32 hex characters, the same every time', () => {
    const key = 'bosley:purchase_completed:2025020100003333';
    expect(insertIdOf(key)).toBe(sha256Hex(key).slice(0, 32));
    expect(insertIdOf('evt_full_0001')).toMatch(/^[0-9a-f]{32}$/);
    expect(insertIdOf('a'.repeat(37))).toHaveLength(32);
  });
});

describe('mixpanel responses', () => {
  it('200 OK delivers every event', () => {
    expect(
      parseResponse(jsonResponse(200, { code: 200, num_records_imported: 2, status: 'OK' }), mappedEvents(2)),
    ).toEqual([{ status: 'delivered' }, { status: 'delivered' }]);
  });

  it('400 with failed_records rejects those events and delivers the rest', () => {
    const body = {
      code: 400,
      error: 'some data points in the request failed validation',
      failed_records: [
        {
          index: 1,
          $insert_id: 'abc',
          field: 'properties.time',
          message: "'properties.time' is invalid: must be specified",
        },
      ],
      num_records_imported: 2,
      status: 'Bad Request',
    };
    expect(parseResponse(jsonResponse(400, body), mappedEvents(3))).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'failed_validation',
        reason:
          "Mixpanel refused the event: properties.time: 'properties.time' is invalid: must be specified",
      },
      { status: 'delivered' },
    ]);
  });

  it('400 without failed_records rejects the whole request', () => {
    expect(
      parseResponse(
        jsonResponse(400, { code: 400, error: 'unable to parse body', status: 'Bad Request' }),
        mappedEvents(2),
      ),
    ).toEqual({
      status: 'rejected',
      code: 'bad_request',
      reason: 'Mixpanel rejected the request: unable to parse body',
    });
  });

  it('401 needs new service account credentials', () => {
    expect(
      parseResponse(
        jsonResponse(401, { code: 401, error: 'Invalid credentials', status: 'error' }),
        mappedEvents(1),
      ),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'Mixpanel refused the service account credentials: Invalid credentials',
    });
  });

  it('403 needs project access for the service account', () => {
    expect(
      parseResponse(jsonResponse(403, { code: 403, error: 'forbidden', status: 'error' }), mappedEvents(1)),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'Mixpanel service account has no access to this project (needs Owner or Admin): forbidden',
    });
  });

  it('413 is rejected (the body is too large to ever succeed)', () => {
    expect(
      parseResponse(
        jsonResponse(413, { code: 413, error: 'request too large', status: 'error' }),
        mappedEvents(1),
      ),
    ).toEqual({
      status: 'rejected',
      code: 'payload_too_large',
      reason: 'Mixpanel refused the body as too large: request too large',
    });
  });

  it('429 is retryable (core applies Retry-After; the kit checks it)', () => {
    expect(
      parseResponse(
        jsonResponse(
          429,
          { code: 429, error: 'too many requests', status: 'error' },
          { 'retry-after': '10' },
        ),
        mappedEvents(1),
      ),
    ).toEqual({
      status: 'retryable',
      reason: 'Mixpanel rate limit (project ingestion quota): too many requests',
    });
  });

  it('5xx falls back to core: retryable', () => {
    expect(parseResponse(jsonResponse(502, { error: 'bad gateway' }), mappedEvents(1))).toEqual({
      status: 'retryable',
      reason: 'Mixpanel answered 502: bad gateway',
    });
  });
});
