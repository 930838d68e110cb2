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

const SUCCESS = { message: 'success', events_processed: 1 };
testAdapterConformance(adapter, { success: () => ({ status: 201, body: SUCCESS }) });

type Body = { events: Array<Record<string, unknown>> };
const NOW = new Date('2026-01-15T12:00:00Z');

describe('braze requests', () => {
  it('rejects the bare seed events before sending: no external id, email or phone', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_identity',
      reason: 'Braze needs an external_id, email or phone to attach the event to a user',
    });
  });

  it('builds the exact body for the seed events once they carry a customer id', async () => {
    const events = SEED_BATCH.data.map((r, i) => eventFromRecord({ ...r, customer_id: `customer-${i + 1}` }));
    const { requests } = await runAdapter(adapter, events, {
      respond: () => ({ status: 201, body: SUCCESS }),
    });
    expect(requests[0]!.headers['authorization']).toBe('Bearer 0a1b2c3d-4e5f-6789-abcd-ef0123456789');
    expect({
      method: requests[0]!.method,
      url: requests[0]!.url,
      json: requests[0]!.json,
    }).toMatchInlineSnapshot(`
      {
        "json": {
          "events": [
            {
              "external_id": "customer-1",
              "name": "consult_started",
              "properties": {
                "affiliate": "bosleyaffiliate_0123",
                "oms_event_name": "consult_started",
                "order_id": "2025010100001111",
                "relay_dedup_key": "bosley:consult_started:2025010100001111",
                "session_id": "sess_123",
                "storefront": "bosley",
                "utm_campaign": "bosley_q1",
                "utm_medium": "cpc",
                "utm_source": "facebook",
              },
              "time": "2026-01-15T10:15:00.000Z",
            },
            {
              "external_id": "customer-2",
              "name": "rx_issued",
              "properties": {
                "affiliate": "pfizeraffiliate_0123",
                "oms_event_name": "rx_issued",
                "order_id": "2025010100002222",
                "relay_dedup_key": "pfizer:rx_issued:2025010100002222",
                "session_id": "sess_789",
                "storefront": "pfizer",
                "utm_campaign": "pfizer_q1",
                "utm_medium": "cpc",
                "utm_source": "google",
              },
              "time": "2026-01-15T10:20:30.000Z",
            },
            {
              "external_id": "customer-3",
              "name": "ecommerce.order_placed",
              "properties": {
                "currency": "USD",
                "metadata": {
                  "affiliate": "bosleyaffiliate_0123",
                  "oms_event_name": "purchase_completed",
                  "relay_dedup_key": "bosley:purchase_completed:2025020100003333",
                  "session_id": "sess_456",
                  "storefront": "bosley",
                  "utm_campaign": "bosley_q1",
                  "utm_medium": "organic",
                  "utm_source": "google",
                },
                "order_id": "2025020100003333",
                "products": [],
                "source": "web",
                "total_value": 80.79,
              },
              "time": "2026-01-15T10:25:00.000Z",
            },
          ],
        },
        "method": "POST",
        "url": "https://rest.iad-01.braze.com/users/track",
      }
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "events": [
          {
            "external_id": "cust_42",
            "name": "ecommerce.order_placed",
            "properties": {
              "currency": "USD",
              "metadata": {
                "affiliate": "bosleyaffiliate_0123",
                "oms_event_name": "purchase_completed",
                "page_url": "https://www.bosley.com/checkout/complete",
                "relay_dedup_key": "evt_full_0001",
                "session_id": "sess_full",
                "storefront": "bosley",
                "utm_campaign": "bosley_q1",
                "utm_medium": "cpc",
                "utm_source": "google",
              },
              "order_id": "ORD-1001",
              "products": [
                {
                  "price": 99.5,
                  "product_id": "SKU-1",
                  "product_name": "Hair Regrowth Kit",
                  "quantity": 1,
                  "variant_id": "SKU-1",
                },
                {
                  "price": 15,
                  "product_id": "SKU-2",
                  "product_name": "Shampoo",
                  "quantity": 2,
                  "variant_id": "SKU-2",
                },
              ],
              "source": "web",
              "total_value": 129.5,
            },
            "time": "2026-01-15T11:30:00.000Z",
          },
        ],
      }
    `);
  });

  it('posts to the credential REST endpoint, with app_id and source from the options', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('checkout_started')], {
      credentials: { ...adapter.credentialsExample, rest_endpoint: 'https://rest.fra-01.braze.eu' },
      options: { app_id: 'app-123', source: 'mobile' },
    });
    expect(requests[0]!.url).toBe('https://rest.fra-01.braze.eu/users/track');
    expect((requests[0]!.json as Body).events[0]).toMatchObject({
      app_id: 'app-123',
      name: 'ecommerce.checkout_started',
      properties: {
        checkout_id: 'ORD-0001',
        source: 'mobile',
        total_value: 11,
        currency: 'USD',
        products: [],
      },
    });
  });

  it('identifies by email (lower-cased), else phone (E.164), when there is no external id', async () => {
    const byEmail = await runAdapter(adapter, [
      sampleEvent('lead', 1, { external_id: undefined, email: ' John.Doe@Example.COM ' }),
    ]);
    expect((byEmail.requests[0]!.json as Body).events[0]!['email']).toBe('john.doe@example.com');
    const byPhone = await runAdapter(adapter, [
      sampleEvent('lead', 1, { external_id: undefined, email: undefined, phone: '(555) 123-4567' }),
    ]);
    expect((byPhone.requests[0]!.json as Body).events[0]!['phone']).toBe('+15551234567');
  });

  it('maps every canonical event', async () => {
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
    expect((requests[0]!.json as Body).events.map((e) => e['name'])).toEqual([
      'ecommerce.order_placed',
      'ecommerce.checkout_started',
      'ecommerce.cart_updated',
      'lead',
      'sign_up',
      'page_view',
      'rx_issued',
    ]);
  });
});

describe('braze responses', () => {
  it('201 success delivers every event', () => {
    expect(
      parse(jsonResponse(201, { message: 'success', events_processed: 2 }), mappedEvents(2), NOW),
    ).toEqual([{ status: 'delivered' }, { status: 'delivered' }]);
  });

  it('201 with non-fatal errors rejects the named events and delivers the rest', () => {
    const body = {
      message: 'success',
      events_processed: 1,
      errors: [{ type: "'time' must be a valid datetime", input_array: 'events', index: 0 }],
    };
    expect(parse(jsonResponse(201, body), mappedEvents(2), NOW)).toEqual([
      {
        status: 'rejected',
        code: 'invalid_event',
        reason: "Braze did not process the event: 'time' must be a valid datetime",
      },
      { status: 'delivered' },
    ]);
  });

  it('400 (fatal) rejects the request', () => {
    expect(
      parse(
        jsonResponse(400, { message: 'Invalid request', errors: [{ type: 'too many objects' }] }),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'rejected',
        code: 'bad_request',
        reason: 'Braze rejected the request: Invalid request; too many objects',
      },
    ]);
  });

  it('401 needs a new REST API key', () => {
    expect(parse(jsonResponse(401, { message: 'Invalid API key: 0a1b…' }), mappedEvents(1), NOW)).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'Braze refused the REST API key (wrong key or instance): Invalid API key: 0a1b…',
      },
    ]);
  });

  it('403 needs the users.track permission', () => {
    expect(parse(jsonResponse(403, { message: 'Access denied' }), mappedEvents(1), NOW)).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'Braze REST API key lacks the users.track permission: Access denied',
      },
    ]);
  });

  it('429 is retryable until X-RateLimit-Reset (or Retry-After)', () => {
    const reset = String(NOW.getTime() / 1000 + 2);
    expect(
      parse(
        jsonResponse(429, { message: 'Rate limit exceeded' }, { 'x-ratelimit-reset': reset }),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'retryable',
        reason: 'Braze rate limit (3,000 requests per 3 s per workspace): Rate limit exceeded',
        retryAfterMs: 2000,
      },
    ]);
    expect(parse(jsonResponse(429, {}, { 'retry-after': '7' }), mappedEvents(1), NOW)[0]).toMatchObject({
      retryAfterMs: 7000,
    });
  });

  it('5xx falls back to core: retryable', () => {
    expect(parse(jsonResponse(500, { message: 'Internal error' }), mappedEvents(1), NOW)).toEqual([
      { status: 'retryable', reason: 'Braze answered 500: Internal error' },
    ]);
  });
});
