import {
  eventFromRecord,
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  outcomesPerEvent,
  runAdapter,
  sampleEvent,
  SEED_BATCH,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

const OK = { code: 200, events_ingested: 1, payload_size_bytes: 500, server_upload_time: 1768478400000 };
testAdapterConformance(adapter, { success: () => ({ status: 200, body: OK }) });

type Body = { api_key: string; events: Array<Record<string, unknown>>; options?: unknown };
const NOW = new Date('2026-01-15T12:00:00Z');

describe('amplitude requests', () => {
  it('rejects the bare seed events before sending: no user id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results[2]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_user_id',
      reason:
        'Amplitude needs a user_id or device_id: this event has no external id (or email with identify_by_email)',
    });
  });

  it('builds the exact body for the seed events once they carry a customer id', async () => {
    const events = SEED_BATCH.data.map((r, i) => eventFromRecord({ ...r, customer_id: `customer-${i + 1}` }));
    const { requests } = await runAdapter(adapter, events, { respond: () => ({ status: 200, body: OK }) });
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "api_key": "0123456789abcdef0123456789abcdef",
            "events": [
              {
                "event_properties": {
                  "affiliate": "bosleyaffiliate_0123",
                  "oms_event_name": "consult_started",
                  "order_id": "2025010100001111",
                  "session_id": "sess_123",
                  "storefront": "bosley",
                },
                "event_type": "consult_started",
                "insert_id": "bosley:consult_started:2025010100001111",
                "time": 1768472100000,
                "user_id": "customer-1",
                "user_properties": {
                  "utm_campaign": "bosley_q1",
                  "utm_medium": "cpc",
                  "utm_source": "facebook",
                },
              },
              {
                "event_properties": {
                  "affiliate": "pfizeraffiliate_0123",
                  "oms_event_name": "rx_issued",
                  "order_id": "2025010100002222",
                  "session_id": "sess_789",
                  "storefront": "pfizer",
                },
                "event_type": "rx_issued",
                "insert_id": "pfizer:rx_issued:2025010100002222",
                "time": 1768472430000,
                "user_id": "customer-2",
                "user_properties": {
                  "utm_campaign": "pfizer_q1",
                  "utm_medium": "cpc",
                  "utm_source": "google",
                },
              },
              {
                "event_properties": {
                  "affiliate": "bosleyaffiliate_0123",
                  "currency": "USD",
                  "oms_event_name": "purchase_completed",
                  "order_id": "2025020100003333",
                  "session_id": "sess_456",
                  "storefront": "bosley",
                },
                "event_type": "Order Completed",
                "insert_id": "bosley:purchase_completed:2025020100003333",
                "revenue": 80.79,
                "revenueType": "Purchase",
                "time": 1768472700000,
                "user_id": "customer-3",
                "user_properties": {
                  "utm_campaign": "bosley_q1",
                  "utm_medium": "organic",
                  "utm_source": "google",
                },
              },
            ],
          },
          "method": "POST",
          "url": "https://api2.amplitude.com/2/httpapi",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "api_key": "0123456789abcdef0123456789abcdef",
        "events": [
          {
            "event_properties": {
              "affiliate": "bosleyaffiliate_0123",
              "currency": "USD",
              "oms_event_name": "purchase_completed",
              "order_id": "ORD-1001",
              "page_url": "https://www.bosley.com/checkout/complete",
              "products": [
                {
                  "category": "kits",
                  "name": "Hair Regrowth Kit",
                  "price": 99.5,
                  "productId": "SKU-1",
                  "quantity": 1,
                },
                {
                  "category": "care",
                  "name": "Shampoo",
                  "price": 15,
                  "productId": "SKU-2",
                  "quantity": 2,
                },
              ],
              "session_id": "sess_full",
              "storefront": "bosley",
            },
            "event_type": "Order Completed",
            "insert_id": "evt_full_0001",
            "ip": "203.0.113.7",
            "revenue": 129.5,
            "revenueType": "Purchase",
            "time": 1768476600000,
            "user_id": "cust_42",
            "user_properties": {
              "utm_campaign": "bosley_q1",
              "utm_medium": "cpc",
              "utm_source": "google",
            },
          },
        ],
      }
    `);
  });

  it('uses the EU endpoint for region eu and sends min_id_length', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, { external_id: 'c42' })], {
      credentials: { ...adapter.credentialsExample, region: 'eu' },
      options: { min_id_length: 3 },
    });
    expect(requests[0]!.url).toBe('https://api.eu.amplitude.com/2/httpapi');
    expect((requests[0]!.json as Body).options).toEqual({ min_id_length: 3 });
    expect((requests[0]!.json as Body).events[0]!['user_id']).toBe('c42');
  });

  it('identifies by the normalised email with identify_by_email', async () => {
    const event = sampleEvent('lead', 1, { external_id: undefined, email: ' John.Doe@Example.COM ' });
    const { requests } = await runAdapter(adapter, [event], { options: { identify_by_email: true } });
    expect((requests[0]!.json as Body).events[0]!['user_id']).toBe('john.doe@example.com');
  });

  it('books revenue only on purchases: the value of other events goes in event_properties.value', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('lead', 1),
      sampleEvent('checkout_started', 2),
      sampleEvent('purchase_completed', 3),
    ]);
    const events = (requests[0]!.json as Body).events;
    expect(
      events.map((e) => [
        e['event_type'],
        e['revenue'],
        e['revenueType'],
        (e['event_properties'] as Record<string, unknown>)['value'],
      ]),
    ).toEqual([
      ['Lead Submitted', undefined, undefined, 11],
      ['Checkout Started', undefined, undefined, 12],
      ['Order Completed', 13, 'Purchase', undefined],
    ]);
  });

  it('sends refunds and cancellations as Order Refunded with negative revenue', async () => {
    const { requests, results } = await runAdapter(adapter, [
      sampleEvent('order_refunded', 1, { order_revenue: 20 }),
      sampleEvent('order_cancelled', 2, { order_revenue: -80.79 }),
    ]);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered']);
    const events = (requests[0]!.json as Body).events;
    expect(events.map((e) => [e['event_type'], e['revenue'], e['revenueType']])).toEqual([
      ['Order Refunded', -20, 'Refund'],
      ['Order Refunded', -80.79, 'Refund'],
    ]);
  });
});

describe('amplitude responses', () => {
  it('200 delivers every event', () => {
    expect(parse(jsonResponse(200, OK), mappedEvents(2), NOW)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
  });

  it('400 naming events: those rejected, the rest collateral (the batch was refused)', () => {
    const body = {
      code: 400,
      error: 'Request missing required field',
      events_with_invalid_fields: { time: [0] },
      events_with_missing_fields: { event_type: [2] },
      silenced_events: [3],
    };
    expect(parse(jsonResponse(400, body), mappedEvents(4), NOW)).toEqual([
      {
        status: 'rejected',
        code: 'invalid_event',
        reason: 'Amplitude refused the event (index 0 of the request): invalid time',
      },
      {
        status: 'retryable',
        reason: 'Amplitude refused the batch because of other events; resending this one',
        collateral: true,
      },
      {
        status: 'rejected',
        code: 'invalid_event',
        reason: 'Amplitude refused the event (index 2 of the request): missing event_type',
      },
      {
        status: 'rejected',
        code: 'invalid_event',
        reason: 'Amplitude refused the event (index 3 of the request): silenced (device id blocked)',
      },
    ]);
  });

  it('400 naming an event through deliver: it is rejected, the others sent again at once and delivered', async () => {
    const events = [1, 2, 3, 4].map((n) => sampleEvent('purchase_completed', n));
    const bodies: Body[] = [];
    const { results, attempts } = await runAdapter(adapter, events, {
      respond: (r) => {
        bodies.push(JSON.parse(r.body) as Body);
        return bodies.length === 1
          ? {
              status: 400,
              body: { code: 400, error: 'Invalid field values', events_with_invalid_fields: { time: [1] } },
            }
          : { status: 200, body: OK };
      },
    });
    expect(results.map((r) => r.outcome)).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'invalid_event',
        reason: 'Amplitude refused the event (index 1 of the request): invalid time',
      },
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
    // The resend carries exactly the three valid events, in the same run (no attempt spent on them).
    expect(attempts.map((a) => a.eventIndexes)).toEqual([
      [0, 1, 2, 3],
      [0, 2, 3],
    ]);
    expect(bodies[1]!.events.map((e) => e['insert_id'])).toEqual(
      [0, 2, 3].map((i) => bodies[0]!.events[i]!['insert_id']),
    );
  });

  it('400 naming every event alike through deliver: all rejected in one request, not halved', async () => {
    const events = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => sampleEvent('purchase_completed', n));
    const { attempts, results } = await runAdapter(adapter, events, {
      respond: () => ({
        status: 400,
        body: {
          code: 400,
          error: 'Invalid field values',
          events_with_invalid_fields: { time: [0, 1, 2, 3, 4, 5, 6, 7] },
        },
      }),
    });
    expect(attempts).toHaveLength(1);
    expect(results.map((r) => r.outcome)).toEqual(
      events.map((_, i) => ({
        status: 'rejected',
        code: 'invalid_event',
        reason: `Amplitude refused the event (index ${i} of the request): invalid time`,
      })),
    );
  });

  it('400 naming no event through deliver: core halves the request until the bad event is alone', async () => {
    const events = [1, 2].map((n) => sampleEvent('purchase_completed', n));
    const refused = { status: 400, body: { code: 400, error: 'Invalid request' } };
    const { results, attempts } = await runAdapter(adapter, events, {
      respond: (r) => (r.body.includes('ORD-0002') ? refused : { status: 200, body: OK }),
    });
    expect(attempts.map((a) => a.eventIndexes)).toEqual([[0, 1], [0], [1]]);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'rejected']);
  });

  it('400 invalid API key needs a new key', () => {
    expect(
      parse(jsonResponse(400, { code: 400, error: 'Invalid API key: 0123' }), mappedEvents(1), NOW),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'Amplitude refused the project API key: Invalid API key: 0123',
      },
    ]);
  });

  it('400 missing_field rejects the request', () => {
    expect(
      parse(
        jsonResponse(400, { code: 400, error: 'Request missing required field', missing_field: 'events' }),
        mappedEvents(2),
        NOW,
      ),
    ).toEqual(
      Array.from({ length: 2 }, () => ({
        status: 'rejected',
        code: 'missing_field',
        reason: 'Amplitude rejected the request: Request missing required field (missing events)',
      })),
    );
  });

  it('413 is rejected', () => {
    expect(parse(jsonResponse(413, { code: 413, error: 'Payload too large' }), mappedEvents(1), NOW)).toEqual(
      [
        {
          status: 'rejected',
          code: 'payload_too_large',
          reason: 'Amplitude refused a body over 1 MB: Payload too large',
        },
      ],
    );
  });

  it('429 is retryable after 30 s, or after Retry-After when sent', () => {
    const body = {
      code: 429,
      error: 'Too many requests for some devices and users',
      eps_threshold: 30,
      throttled_events: [0, 1],
    };
    expect(parse(jsonResponse(429, body), mappedEvents(2), NOW)[0]).toEqual({
      status: 'retryable',
      reason:
        'Amplitude throttled the request (30 events/s per user or device, or daily quota): 2 event(s) over the limit: Too many requests for some devices and users',
      retryAfterMs: 30_000,
    });
    expect(parse(jsonResponse(429, body, { 'retry-after': '5' }), mappedEvents(1), NOW)[0]).toMatchObject({
      retryAfterMs: 5000,
    });
  });

  it('5xx falls back to core: retryable', () => {
    expect(parse(jsonResponse(503, { error: 'unavailable' }), mappedEvents(1), NOW)).toEqual([
      { status: 'retryable', reason: 'Amplitude answered 503: unavailable' },
    ]);
  });
});
