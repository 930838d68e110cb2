import {
  SEED_BATCH,
  eventFromRecord,
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  outcomesPerEvent,
  openApiValidator,
  readSpecFile,
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

testAdapterConformance(adapter, { success: () => ({ status: 202, body: '' }) });

/** Klaviyo's own schema (MIT; see __fixtures__/SOURCE.md): create_event → `EventCreateQueryV2`. */
const validateCreateEvent = openApiValidator(
  readSpecFile(new URL('./__fixtures__/stable.trimmed.json', import.meta.url)),
  '#/components/schemas/EventCreateQueryV2',
);

const expectValidBody = (json: unknown) => expect(validateCreateEvent(json)).toEqual([]);

const NOW = new Date('2026-01-15T12:00:00Z');

type Body = {
  data: {
    attributes: Record<string, unknown> & { profile: { data: { attributes: Record<string, unknown> } } };
  };
};
const profileOf = (json: unknown) => (json as Body).data.attributes.profile.data.attributes;

describe('klaviyo requests', () => {
  it('rejects the bare seed events before sending: no email, phone or external id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'missing_profile_identifier',
        reason: 'Klaviyo needs an email, a phone number or an external id to attach the event to a profile',
      })),
    );
  });

  it('builds the exact bodies for the seed events once they carry an email (one request per event)', async () => {
    const events = SEED_BATCH.data.map((r, i) =>
      eventFromRecord({ ...r, email: `customer${i + 1}@example.com` }),
    );
    const { requests, results } = await runAdapter(adapter, events, {
      respond: () => ({ status: 202, body: '' }),
    });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests[0]?.headers).toMatchObject({
      authorization: 'Klaviyo-API-Key pk_0123456789abcdef0123456789abcdef01',
      revision: '2026-07-15',
      'content-type': 'application/vnd.api+json',
    });
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "data": {
              "attributes": {
                "metric": {
                  "data": {
                    "attributes": {
                      "name": "consult_started",
                    },
                    "type": "metric",
                  },
                },
                "profile": {
                  "data": {
                    "attributes": {
                      "email": "customer1@example.com",
                    },
                    "type": "profile",
                  },
                },
                "properties": {
                  "OrderId": "2025010100001111",
                  "affiliate": "bosleyaffiliate_0123",
                  "oms_event_name": "consult_started",
                  "session_id": "sess_123",
                  "utm_campaign": "bosley_q1",
                  "utm_medium": "cpc",
                  "utm_source": "facebook",
                },
                "time": "2026-01-15T10:15:00Z",
                "unique_id": "bosley:consult_started:2025010100001111",
              },
              "type": "event",
            },
          },
          "method": "POST",
          "url": "https://a.klaviyo.com/api/events",
        },
        {
          "json": {
            "data": {
              "attributes": {
                "metric": {
                  "data": {
                    "attributes": {
                      "name": "rx_issued",
                    },
                    "type": "metric",
                  },
                },
                "profile": {
                  "data": {
                    "attributes": {
                      "email": "customer2@example.com",
                    },
                    "type": "profile",
                  },
                },
                "properties": {
                  "OrderId": "2025010100002222",
                  "affiliate": "pfizeraffiliate_0123",
                  "oms_event_name": "rx_issued",
                  "session_id": "sess_789",
                  "utm_campaign": "pfizer_q1",
                  "utm_medium": "cpc",
                  "utm_source": "google",
                },
                "time": "2026-01-15T10:20:30Z",
                "unique_id": "pfizer:rx_issued:2025010100002222",
              },
              "type": "event",
            },
          },
          "method": "POST",
          "url": "https://a.klaviyo.com/api/events",
        },
        {
          "json": {
            "data": {
              "attributes": {
                "metric": {
                  "data": {
                    "attributes": {
                      "name": "Placed Order",
                    },
                    "type": "metric",
                  },
                },
                "profile": {
                  "data": {
                    "attributes": {
                      "email": "customer3@example.com",
                    },
                    "type": "profile",
                  },
                },
                "properties": {
                  "OrderId": "2025020100003333",
                  "affiliate": "bosleyaffiliate_0123",
                  "oms_event_name": "purchase_completed",
                  "session_id": "sess_456",
                  "utm_campaign": "bosley_q1",
                  "utm_medium": "organic",
                  "utm_source": "google",
                },
                "time": "2026-01-15T10:25:00Z",
                "unique_id": "bosley:purchase_completed:2025020100003333",
                "value": 80.79,
                "value_currency": "USD",
              },
              "type": "event",
            },
          },
          "method": "POST",
          "url": "https://a.klaviyo.com/api/events",
        },
      ]
    `);
    for (const r of requests) expectValidBody(r.json);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "data": {
          "attributes": {
            "metric": {
              "data": {
                "attributes": {
                  "name": "Placed Order",
                },
                "type": "metric",
              },
            },
            "profile": {
              "data": {
                "attributes": {
                  "email": "john.doe@example.com",
                  "external_id": "cust_42",
                  "first_name": "John",
                  "last_name": "Doe",
                  "location": {
                    "city": "New York",
                    "country": "US",
                    "ip": "203.0.113.7",
                    "region": "NY",
                    "zip": "10001-1234",
                  },
                  "phone_number": "+15551234567",
                },
                "type": "profile",
              },
            },
            "properties": {
              "Categories": [
                "kits",
                "care",
              ],
              "ItemNames": [
                "Hair Regrowth Kit",
                "Shampoo",
              ],
              "Items": [
                {
                  "Categories": [
                    "kits",
                  ],
                  "ItemPrice": 99.5,
                  "ProductID": "SKU-1",
                  "ProductName": "Hair Regrowth Kit",
                  "Quantity": 1,
                  "RowTotal": 99.5,
                },
                {
                  "Categories": [
                    "care",
                  ],
                  "ItemPrice": 15,
                  "ProductID": "SKU-2",
                  "ProductName": "Shampoo",
                  "Quantity": 2,
                  "RowTotal": 30,
                },
              ],
              "OrderId": "ORD-1001",
              "affiliate": "bosleyaffiliate_0123",
              "oms_event_name": "purchase_completed",
              "page_url": "https://www.bosley.com/checkout/complete",
              "session_id": "sess_full",
              "utm_campaign": "bosley_q1",
              "utm_medium": "cpc",
              "utm_source": "google",
            },
            "time": "2026-01-15T11:30:00Z",
            "unique_id": "evt_full_0001",
            "value": 129.5,
            "value_currency": "USD",
          },
          "type": "event",
        },
      }
    `);
    expectValidBody(requests[0]?.json);
  });

  it('the vendor schema catches a body without a metric', () => {
    expect(
      validateCreateEvent({
        data: {
          type: 'event',
          attributes: { properties: {}, profile: { data: { type: 'profile', attributes: {} } } },
        },
      }),
    ).toEqual(['/data/attributes must have required property \'metric\' {"missingProperty":"metric"}']);
  });

  it('sends backfill: true when the option is set', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], { options: { backfill: true } });
    expect((requests[0]!.json as Body).data.attributes['backfill']).toBe(true);
    expectValidBody(requests[0]?.json);
  });

  it('maps every canonical event to its metric name, custom ones under their own name', async () => {
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
    expect(
      requests.map(
        (r) =>
          ((r.json as Body).data.attributes['metric'] as { data: { attributes: { name: string } } }).data
            .attributes.name,
      ),
    ).toEqual([
      'Placed Order',
      'Started Checkout',
      'Added to Cart',
      'Lead',
      'Signed Up',
      'Active on Site',
      'rx_issued',
    ]);
  });
});

describe('klaviyo identity', () => {
  const profile = async (overrides: Record<string, unknown>) =>
    profileOf((await runAdapter(adapter, [sampleEvent('lead', 1, overrides)])).requests[0]?.json);

  it('sends the email trimmed and lower-cased, unhashed', async () => {
    expect((await profile({ email: ' John.Doe@Example.COM ' }))['email']).toBe('john.doe@example.com');
  });

  it('sends the phone as E.164 with the default country US', async () => {
    expect((await profile({ phone: '(555) 123-4567' }))['phone_number']).toBe('+15551234567');
    expect((await profile({ phone: '+44 20 7946 0958' }))['phone_number']).toBe('+442079460958');
  });

  it('identifies by external id alone', async () => {
    expect(await profile({ email: undefined, phone: undefined, ip_address: undefined })).toEqual({
      external_id: 'cust_1',
    });
  });
});

describe('klaviyo responses', () => {
  it('202 Accepted (no body) is delivered', () => {
    expect(parse({ status: 202, headers: {}, body: '', json: undefined }, mappedEvents(1), NOW)).toEqual([
      { status: 'delivered' },
    ]);
  });

  it('400 invalid is rejected with the detail and pointer', () => {
    const body = {
      errors: [
        {
          id: 'e1',
          status: 400,
          code: 'invalid',
          title: 'Invalid input.',
          detail: "'time' must be after 1990",
          source: { pointer: '/data/attributes/time' },
        },
      ],
    };
    expect(parse(jsonResponse(400, body), mappedEvents(1), NOW)).toEqual([
      {
        status: 'rejected',
        code: 'invalid',
        reason: "Klaviyo rejected the event: 'time' must be after 1990 (invalid, at /data/attributes/time)",
      },
    ]);
  });

  it('400 without a code is rejected as bad_request', () => {
    expect(parse(jsonResponse(400, { errors: [{ title: 'Malformed JSON' }] }), mappedEvents(1), NOW)).toEqual(
      [{ status: 'rejected', code: 'bad_request', reason: 'Klaviyo rejected the event: Malformed JSON' }],
    );
  });

  it('401 not_authenticated needs a new key', () => {
    const body = { errors: [{ code: 'not_authenticated', detail: 'Missing or invalid private key.' }] };
    expect(parse(jsonResponse(401, body), mappedEvents(1), NOW)).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'Klaviyo refused the private API key; create a new key with the events:write scope: Missing or invalid private key. (not_authenticated)',
      },
    ]);
  });

  it('403 permission_denied needs the events:write scope', () => {
    const body = {
      errors: [{ code: 'permission_denied', detail: 'You do not have permission to perform this action.' }],
    };
    expect(parse(jsonResponse(403, body), mappedEvents(1), NOW)).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'Klaviyo private API key lacks the events:write scope: You do not have permission to perform this action. (permission_denied)',
      },
    ]);
  });

  it('429 throttled is retryable with Retry-After', () => {
    const body = {
      errors: [{ code: 'throttled', detail: 'Request was throttled. Expected available in 2 seconds.' }],
    };
    expect(parse(jsonResponse(429, body, { 'retry-after': '2' }), mappedEvents(1), NOW)).toEqual([
      {
        status: 'retryable',
        reason:
          'Klaviyo rate limit (350/s burst, 3500/min steady): Request was throttled. Expected available in 2 seconds. (throttled)',
        retryAfterMs: 2000,
      },
    ]);
  });

  it('falls back to the HTTP status: 5xx retry, other 4xx rejected', () => {
    const server = { errors: [{ code: 'error', detail: 'A server error occurred.' }] };
    expect(parse(jsonResponse(503, server), mappedEvents(1), NOW)).toEqual([
      { status: 'retryable', reason: 'Klaviyo answered 503: A server error occurred. (error)' },
    ]);
    expect(
      parse(
        jsonResponse(404, { errors: [{ code: 'not_found', detail: 'Not found.' }] }),
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'rejected',
        code: 'http_404',
        reason: 'Klaviyo rejected the request (404): Not found. (not_found)',
      },
    ]);
  });
});
