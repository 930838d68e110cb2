import { type BuildContext, parseWith, uuidV5 } from '@relay/core';
import {
  FIXED_NOW,
  SEED_BATCH,
  eventFromRecord,
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildRequests } from './build-requests';
import { adapter } from './index';
import { parseResponse } from './parse-response';
import type { MparticleCredentials, MparticleOptions } from './schemas';

testAdapterConformance(adapter, { success: () => ({ status: 202, body: '' }) });

/**
 * The bulk body as mParticle documents it (Events API JSON reference and its inbound JSON
 * Schema), written out here for the fields Relay sends: an array of ≤ 100 batches, each with a
 * required `environment`, no unknown batch keys, one of the listed identities, and events whose
 * `data` follows the custom / commerce / screen view shapes (`source_message_id` a UUID,
 * timestamps integer ms, custom attribute values strings).
 */
const uuid = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const common = {
  timestamp_unixtime_ms: { type: 'integer' },
  source_message_id: { type: 'string', pattern: uuid },
  custom_attributes: { type: 'object', additionalProperties: { type: 'string' } },
};
const product = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    category: { type: 'string' },
    price: { type: 'number' },
    quantity: { type: 'number' },
    total_product_amount: { type: 'number' },
  },
};
const bulkSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 100,
  items: {
    type: 'object',
    required: ['environment', 'events'],
    additionalProperties: false,
    properties: {
      environment: { enum: ['production', 'development'] },
      source_request_id: { type: 'string' },
      user_identities: {
        type: 'object',
        minProperties: 1,
        additionalProperties: false,
        properties: {
          customer_id: { type: 'string' },
          email: { type: 'string', format: 'email' },
          mobile_number: { type: 'string', pattern: '^\\+[1-9][0-9]{6,14}$' },
        },
      },
      user_attributes: { type: 'object', additionalProperties: { type: 'string' } },
      device_info: {
        type: 'object',
        additionalProperties: false,
        properties: { http_header_user_agent: { type: 'string' } },
      },
      ip: {
        anyOf: [
          { type: 'string', format: 'ipv4' },
          { type: 'string', format: 'ipv6' },
        ],
      },
      events: {
        type: 'array',
        minItems: 1,
        items: {
          oneOf: [
            {
              type: 'object',
              required: ['event_type', 'data'],
              additionalProperties: false,
              properties: {
                event_type: { const: 'custom_event' },
                data: {
                  type: 'object',
                  required: ['event_name', 'custom_event_type'],
                  additionalProperties: false,
                  properties: {
                    ...common,
                    event_name: { type: 'string', minLength: 1 },
                    custom_event_type: {
                      enum: [
                        'navigation',
                        'location',
                        'search',
                        'transaction',
                        'user_content',
                        'user_preference',
                        'social',
                        'other',
                        'media',
                      ],
                    },
                  },
                },
              },
            },
            {
              type: 'object',
              required: ['event_type', 'data'],
              additionalProperties: false,
              properties: {
                event_type: { const: 'commerce_event' },
                data: {
                  type: 'object',
                  required: ['product_action'],
                  additionalProperties: false,
                  properties: {
                    ...common,
                    currency_code: { type: 'string', pattern: '^[A-Z]{3}$' },
                    product_action: {
                      type: 'object',
                      required: ['action'],
                      additionalProperties: false,
                      properties: {
                        action: {
                          enum: [
                            'add_to_cart',
                            'remove_from_cart',
                            'checkout',
                            'checkout_option',
                            'click',
                            'view_detail',
                            'purchase',
                            'refund',
                            'add_to_wishlist',
                            'remove_from_wish_list',
                          ],
                        },
                        transaction_id: { type: 'string' },
                        total_amount: { type: 'number' },
                        products: { type: 'array', items: product },
                      },
                    },
                  },
                },
              },
            },
            {
              type: 'object',
              required: ['event_type', 'data'],
              additionalProperties: false,
              properties: {
                event_type: { const: 'screen_view' },
                data: {
                  type: 'object',
                  required: ['screen_name'],
                  additionalProperties: false,
                  properties: { ...common, screen_name: { type: 'string', minLength: 1 } },
                },
              },
            },
          ],
        },
      },
    },
  },
};
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateBulk = ajv.compile(bulkSchema);
const expectValidBody = (json: unknown) => {
  validateBulk(json);
  expect(validateBulk.errors ?? []).toEqual([]);
};

const ACCEPTED = () => ({ status: 202, body: '' });

type Batch = {
  user_identities: Record<string, string>;
  events: Array<{ event_type: string; data: Record<string, unknown> }>;
  [key: string]: unknown;
};
const batchesOf = (json: unknown) => json as Batch[];

describe('mparticle requests', () => {
  it('rejects the bare seed events before sending: no customer id, email or phone', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'missing_identity',
        reason: 'mParticle needs a user identity: this event has no customer id, email or phone',
      })),
    );
  });

  it('builds the exact bulk body for the seed events once they carry an email', async () => {
    const events = SEED_BATCH.data.map((r, i) =>
      eventFromRecord({ ...r, email: `customer${i + 1}@example.com` }),
    );
    const { requests, results } = await runAdapter(adapter, events, { respond: ACCEPTED });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers).toMatchObject({
      authorization: `Basic ${Buffer.from('us2-0123456789abcdef0123456789abcdef:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz01').toString('base64')}`,
      'content-type': 'application/json',
    });
    expect({
      method: requests[0]?.method,
      url: requests[0]?.url,
      json: requests[0]?.json,
    }).toMatchInlineSnapshot(`
      {
        "json": [
          {
            "environment": "production",
            "events": [
              {
                "data": {
                  "custom_attributes": {
                    "affiliate": "bosleyaffiliate_0123",
                    "oms_event_name": "consult_started",
                    "order_id": "2025010100001111",
                    "session_id": "sess_123",
                    "storefront": "bosley",
                    "utm_campaign": "bosley_q1",
                    "utm_medium": "cpc",
                    "utm_source": "facebook",
                  },
                  "custom_event_type": "other",
                  "event_name": "consult_started",
                  "source_message_id": "9f296767-3a7e-568b-9def-473ad3957d31",
                  "timestamp_unixtime_ms": 1768472100000,
                },
                "event_type": "custom_event",
              },
            ],
            "source_request_id": "9f296767-3a7e-568b-9def-473ad3957d31",
            "user_identities": {
              "email": "customer1@example.com",
            },
          },
          {
            "environment": "production",
            "events": [
              {
                "data": {
                  "custom_attributes": {
                    "affiliate": "pfizeraffiliate_0123",
                    "oms_event_name": "rx_issued",
                    "order_id": "2025010100002222",
                    "session_id": "sess_789",
                    "storefront": "pfizer",
                    "utm_campaign": "pfizer_q1",
                    "utm_medium": "cpc",
                    "utm_source": "google",
                  },
                  "custom_event_type": "other",
                  "event_name": "rx_issued",
                  "source_message_id": "30bd4543-9610-5fa0-8f66-f78a682cd1fc",
                  "timestamp_unixtime_ms": 1768472430000,
                },
                "event_type": "custom_event",
              },
            ],
            "source_request_id": "30bd4543-9610-5fa0-8f66-f78a682cd1fc",
            "user_identities": {
              "email": "customer2@example.com",
            },
          },
          {
            "environment": "production",
            "events": [
              {
                "data": {
                  "currency_code": "USD",
                  "custom_attributes": {
                    "affiliate": "bosleyaffiliate_0123",
                    "oms_event_name": "purchase_completed",
                    "order_id": "2025020100003333",
                    "session_id": "sess_456",
                    "storefront": "bosley",
                    "utm_campaign": "bosley_q1",
                    "utm_medium": "organic",
                    "utm_source": "google",
                  },
                  "product_action": {
                    "action": "purchase",
                    "total_amount": 80.79,
                    "transaction_id": "2025020100003333",
                  },
                  "source_message_id": "a69e1b08-c1ea-58f3-96f6-d02f74497d0e",
                  "timestamp_unixtime_ms": 1768472700000,
                },
                "event_type": "commerce_event",
              },
            ],
            "source_request_id": "a69e1b08-c1ea-58f3-96f6-d02f74497d0e",
            "user_identities": {
              "email": "customer3@example.com",
            },
          },
        ],
        "method": "POST",
        "url": "https://s2s.us2.mparticle.com/v2/bulkevents",
      }
    `);
    expectValidBody(requests[0]?.json);
  });

  it('builds the exact batch for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], { respond: ACCEPTED });
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      [
        {
          "device_info": {
            "http_header_user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
          },
          "environment": "production",
          "events": [
            {
              "data": {
                "currency_code": "USD",
                "custom_attributes": {
                  "affiliate": "bosleyaffiliate_0123",
                  "oms_event_name": "purchase_completed",
                  "order_id": "ORD-1001",
                  "page_url": "https://www.bosley.com/checkout/complete",
                  "session_id": "sess_full",
                  "storefront": "bosley",
                  "utm_campaign": "bosley_q1",
                  "utm_medium": "cpc",
                  "utm_source": "google",
                },
                "product_action": {
                  "action": "purchase",
                  "products": [
                    {
                      "category": "kits",
                      "id": "SKU-1",
                      "name": "Hair Regrowth Kit",
                      "price": 99.5,
                      "quantity": 1,
                      "total_product_amount": 99.5,
                    },
                    {
                      "category": "care",
                      "id": "SKU-2",
                      "name": "Shampoo",
                      "price": 15,
                      "quantity": 2,
                      "total_product_amount": 30,
                    },
                  ],
                  "total_amount": 129.5,
                  "transaction_id": "ORD-1001",
                },
                "source_message_id": "8c42a33d-266e-56b3-8733-8fc1c9c2651f",
                "timestamp_unixtime_ms": 1768476600000,
              },
              "event_type": "commerce_event",
            },
          ],
          "ip": "203.0.113.7",
          "source_request_id": "8c42a33d-266e-56b3-8733-8fc1c9c2651f",
          "user_attributes": {
            "$city": "New York",
            "$country": "US",
            "$firstname": "John",
            "$lastname": "Doe",
            "$state": "NY",
            "$zip": "10001-1234",
          },
          "user_identities": {
            "customer_id": "cust_42",
            "email": "john.doe@example.com",
            "mobile_number": "+15551234567",
          },
        },
      ]
    `);
    expectValidBody(requests[0]?.json);
  });

  it('makes commerce events of purchase, checkout and add to cart, a screen view of page view, custom events of the rest', async () => {
    const names = [
      'purchase_completed',
      'begin_checkout',
      'add_to_cart',
      'lead',
      'signup',
      'page_view',
      'rx_issued',
    ];
    const { requests } = await runAdapter(
      adapter,
      names.map((n, i) => sampleEvent(n, i + 1)),
      { respond: ACCEPTED },
    );
    const events = batchesOf(requests[0]?.json).map((b) => b.events[0]!);
    expect(
      events.map((e) => [
        e.event_type,
        (e.data['product_action'] as { action?: string } | undefined)?.action ??
          e.data['event_name'] ??
          e.data['screen_name'],
        e.data['custom_event_type'],
        (e.data['product_action'] as { transaction_id?: string } | undefined)?.transaction_id,
      ]),
    ).toEqual([
      ['commerce_event', 'purchase', undefined, 'ORD-0001'],
      ['commerce_event', 'checkout', undefined, undefined],
      ['commerce_event', 'add_to_cart', undefined, undefined],
      ['custom_event', 'Lead', 'other', undefined],
      ['custom_event', 'Sign Up', 'user_preference', undefined],
      ['screen_view', 'Page View', undefined, undefined],
      ['custom_event', 'rx_issued', 'other', undefined],
    ]);
    expectValidBody(requests[0]?.json);
  });

  it('keeps one user per batch and up to 100 batches per request', async () => {
    const events = Array.from({ length: 101 }, (_, i) => sampleEvent('purchase_completed', i + 1));
    const { requests } = await runAdapter(adapter, events, { respond: ACCEPTED });
    expect(requests.map((r) => batchesOf(r.json).length)).toEqual([100, 1]);
    for (const r of requests) {
      for (const batch of batchesOf(r.json)) expect(batch.events).toHaveLength(1);
      expectValidBody(r.json);
    }
  });

  it('sends to the pod of the key, of the pod credential, or US1', async () => {
    const url = async (credentials: Record<string, unknown>) =>
      (await runAdapter(adapter, [sampleEvent('lead')], { credentials, respond: ACCEPTED })).requests[0]?.url;
    expect(
      await url({ api_key: 'eu1-0123456789abcdef0123456789abcdef', api_secret: 'secret-0123456789' }),
    ).toBe('https://s2s.eu1.mparticle.com/v2/bulkevents');
    expect(
      await url({ api_key: '0123456789abcdef0123456789abcdef', api_secret: 'secret-0123456789', pod: 'au1' }),
    ).toBe('https://s2s.au1.mparticle.com/v2/bulkevents');
    expect(await url({ api_key: '0123456789abcdef0123456789abcdef', api_secret: 'secret-0123456789' })).toBe(
      'https://s2s.mparticle.com/v2/bulkevents',
    );
  });

  it('refuses a pod that contradicts the key', () => {
    expect(() =>
      parseWith(
        adapter.credentials,
        { api_key: 'us2-0123456789abcdef0123456789abcdef', api_secret: 'secret-0123456789', pod: 'eu1' },
        'mParticle credentials',
      ),
    ).toThrow(/pod: pod eu1 does not match the key, which belongs to pod us2/);
  });

  it('a base_url override (simulator) wins over the pod', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], {
      baseUrl: 'http://localhost:4010',
      respond: ACCEPTED,
    });
    expect(requests[0]?.url).toBe('http://localhost:4010/v2/bulkevents');
  });

  it('rejects events older than 30 days, or sends them to the historical endpoint when asked', async () => {
    const old = sampleEvent('purchase_completed', 1, { event_time: '2025-12-01T00:00:00Z' });
    const recent = sampleEvent('purchase_completed', 2);
    const strict = await runAdapter(adapter, [old, recent], { respond: ACCEPTED });
    expect(strict.results[0]?.outcome).toEqual({
      status: 'rejected',
      code: 'event_too_old',
      reason:
        "mParticle's Events API takes events up to 30 days old; older ones need the historical endpoint (options.historical)",
    });
    expect(strict.requests.map((r) => r.url)).toEqual(['https://s2s.us2.mparticle.com/v2/bulkevents']);

    const backfill = await runAdapter(adapter, [old, recent], {
      options: { historical: true },
      respond: ACCEPTED,
    });
    expect(backfill.results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered']);
    expect(backfill.requests.map((r) => [r.url, batchesOf(r.json).length])).toEqual([
      ['https://s2s.us2.mparticle.com/v2/bulkevents', 1],
      ['https://s2s.us2.mparticle.com/v2/bulkevents/historical', 1],
    ]);
    expect(batchesOf(backfill.requests[1]?.json)[0]?.events[0]?.data['timestamp_unixtime_ms']).toBe(
      Date.parse('2025-12-01T00:00:00Z'),
    );
  });

  it('sends environment development, another custom_event_type, and no user attributes when asked', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('rx_issued', 1, { first_name: 'Jo' })], {
      options: { environment: 'development', custom_event_type: 'transaction', user_attributes: false },
      respond: ACCEPTED,
    });
    const [batch] = batchesOf(requests[0]?.json);
    expect(batch?.['environment']).toBe('development');
    expect(batch?.events[0]?.data['custom_event_type']).toBe('transaction');
    expect(batch).not.toHaveProperty('user_attributes');
    expectValidBody(requests[0]?.json);
  });

  it('rejects an event whose batch is over 128 kB, sends the others', async () => {
    const big = sampleEvent('lead', 1, { referrer: `https://x.example/${'a'.repeat(140_000)}` });
    const { requests, results } = await runAdapter(adapter, [big, sampleEvent('lead', 2)], {
      respond: ACCEPTED,
    });
    expect(results[0]?.outcome).toEqual({
      status: 'rejected',
      code: 'batch_too_large',
      reason: 'mParticle takes batches up to 128 kB; this event makes a larger one',
    });
    expect(results[1]?.outcome.status).toBe('delivered');
    expect(batchesOf(requests[0]?.json)).toHaveLength(1);
  });

  it('drops an IP address that is not one (the schema wants ipv4/ipv6)', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, { ip_address: 'unknown' })], {
      respond: ACCEPTED,
    });
    expect(batchesOf(requests[0]?.json)[0]).not.toHaveProperty('ip');
    expectValidBody(requests[0]?.json);
  });

  it('uses a UUID derived from the dedup key as source_request_id and source_message_id', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], { respond: ACCEPTED });
    const [batch] = batchesOf(requests[0]?.json);
    expect(batch?.['source_request_id']).toBe(uuidV5('evt_full_0001'));
    expect(batch?.events[0]?.data['source_message_id']).toBe(uuidV5('evt_full_0001'));
  });
});

describe('mparticle body schema', () => {
  it('catches a batch without environment, an unknown batch key and a non-UUID source_message_id', () => {
    const event = { event_type: 'custom_event', data: { event_name: 'x', custom_event_type: 'other' } };
    expect(validateBulk([{ environment: 'production', events: [event] }])).toBe(true);
    expect(validateBulk([{ events: [event] }])).toBe(false);
    expect(validateBulk([{ environment: 'production', schema_version: 2, events: [event] }])).toBe(false);
    expect(
      validateBulk([
        {
          environment: 'production',
          events: [{ ...event, data: { ...event.data, source_message_id: 'order-1' } }],
        },
      ]),
    ).toBe(false);
  });
});

describe('mparticle identity', () => {
  const identities = async (overrides: Record<string, unknown>) =>
    batchesOf(
      (await runAdapter(adapter, [sampleEvent('lead', 1, overrides)], { respond: ACCEPTED })).requests[0]
        ?.json,
    )[0]?.user_identities;

  it('sends the email trimmed and lower-cased, unhashed', async () => {
    expect((await identities({ email: ' John.Doe@Example.COM ' }))?.['email']).toBe('john.doe@example.com');
  });

  it('does not send a 64-hex value as an email (mParticle takes raw addresses), keeps the other identities', async () => {
    expect(
      await identities({ email: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f' }),
    ).toEqual({ customer_id: 'cust_1', mobile_number: '+15551230000' });
  });

  it('sends the phone as E.164 mobile_number (default country US)', async () => {
    expect((await identities({ phone: '(555) 123-4567' }))?.['mobile_number']).toBe('+15551234567');
  });
});

describe('mparticle responses', () => {
  const ctx: BuildContext<MparticleCredentials, MparticleOptions> = {
    credentials: { api_key: 'us2-0123456789abcdef0123456789abcdef', api_secret: 'secret-0123456789' },
    options: {
      environment: 'production',
      historical: false,
      custom_event_type: 'other',
      user_attributes: true,
    },
    baseUrl: 'https://s2s.mparticle.com',
    now: FIXED_NOW,
    defaultCountry: 'US',
    nonce: () => 'n',
  };

  it('builds through the exported function as the adapter does', () => {
    expect(buildRequests(mappedEvents(2), ctx)[0]?.url).toBe('https://s2s.us2.mparticle.com/v2/bulkevents');
  });

  it('202 Accepted delivers every batch (mParticle reports no per-batch failures)', () => {
    expect(parseResponse({ status: 202, headers: {}, body: '', json: undefined }, mappedEvents(3))).toEqual({
      status: 'delivered',
    });
  });

  it('400 BAD_REQUEST rejects every event of the request with the message', () => {
    const body = {
      errors: [{ code: 'BAD_REQUEST', message: 'Required event field "event_type" is missing or empty.' }],
    };
    const outcomes = parseResponse(jsonResponse(400, body), mappedEvents(2));
    expect(outcomes).toEqual({
      status: 'rejected',
      code: 'bad_request',
      reason:
        'mParticle refused the request: Required event field "event_type" is missing or empty. (BAD_REQUEST)',
    });
  });

  it('400 without a body names the status', () => {
    expect(parseResponse({ status: 400, headers: {}, body: '', json: undefined }, mappedEvents(1))).toEqual({
      status: 'rejected',
      code: 'bad_request',
      reason: 'mParticle refused the request: HTTP 400',
    });
  });

  it('401 (authentication header missing) needs attention', () => {
    expect(parseResponse({ status: 401, headers: {}, body: '', json: undefined }, mappedEvents(1))).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'mParticle found no valid Basic authentication (401): HTTP 401',
    });
  });

  it('403 (key or secret wrong) needs attention', () => {
    expect(parseResponse(jsonResponse(403, { errors: [{ message: 'Forbidden' }] }), mappedEvents(1))).toEqual(
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'mParticle refused the key and secret (403); check them and the pod: Forbidden',
      },
    );
  });

  it('413 rejects the request as too large', () => {
    expect(
      parseResponse(
        { status: 413, headers: {}, body: 'Request Entity Too Large', json: undefined },
        mappedEvents(1),
      ),
    ).toEqual({
      status: 'rejected',
      code: 'payload_too_large',
      reason: 'mParticle refused the request as too large: Request Entity Too Large',
    });
  });

  it('429 retries after Retry-After', () => {
    expect(
      parseResponse(
        { status: 429, headers: { 'retry-after': '30' }, body: '', json: undefined },
        mappedEvents(1),
      ),
    ).toEqual({ status: 'retryable', reason: 'mParticle answered 429: HTTP 429', retryAfterMs: 30_000 });
  });

  it('503 is retryable', () => {
    expect(
      parseResponse(
        { status: 503, headers: {}, body: 'Service Unavailable', json: undefined },
        mappedEvents(1),
      ),
    ).toEqual({ status: 'retryable', reason: 'mParticle answered 503: Service Unavailable' });
  });
});
