import { parseWith } from '@relay/core';
import {
  FIXED_NOW,
  fullPurchaseEvent,
  mappedEvents,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

testAdapterConformance(adapter, { success: () => ({ status: 200, body: 'OK' }) });

/**
 * The batch body as RudderStack documents it (HTTP API docs and rudder-server's gateway
 * OpenAPI `BatchPayload`), written out here for what Relay sends: `batch` required, each message
 * with a `type`, a `userId` or `anonymousId` (the gateway refuses a batch with a message that has
 * neither), `event` on track calls, ISO date-times, objects for `properties`, `context` and
 * `integrations`.
 */
const dateTime = { type: 'string', format: 'date-time' };
const batchSchema = {
  type: 'object',
  required: ['batch'],
  additionalProperties: false,
  properties: {
    batch: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['type', 'messageId'],
        allOf: [
          { anyOf: [{ required: ['userId'] }, { required: ['anonymousId'] }] },
          {
            oneOf: [
              { properties: { type: { const: 'track' } }, required: ['event'] },
              { properties: { type: { const: 'page' } }, not: { required: ['event'] } },
            ],
          },
        ],
        additionalProperties: false,
        properties: {
          type: { enum: ['track', 'page'] },
          event: { type: 'string', minLength: 1 },
          userId: { type: 'string', minLength: 1 },
          anonymousId: { type: 'string', minLength: 1 },
          messageId: { type: 'string', minLength: 1 },
          channel: { const: 'server' },
          timestamp: dateTime,
          originalTimestamp: dateTime,
          sentAt: dateTime,
          properties: { type: 'object' },
          context: {
            type: 'object',
            additionalProperties: false,
            properties: {
              traits: { type: 'object' },
              ip: { type: 'string' },
              userAgent: { type: 'string' },
              page: { type: 'object' },
              campaign: { type: 'object' },
              library: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string' }, version: { type: 'string' } },
              },
            },
          },
          integrations: { type: 'object', additionalProperties: { type: 'boolean' } },
        },
      },
    },
  },
};
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateBatch = ajv.compile(batchSchema);
const expectValidBody = (json: unknown) => {
  validateBatch(json);
  expect(validateBatch.errors ?? []).toEqual([]);
};

const OK = () => ({ status: 200, body: 'OK' });
type Message = Record<string, unknown> & {
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
};
const messagesOf = (json: unknown) => (json as { batch: Message[] }).batch;

describe('rudderstack requests', () => {
  it('builds the exact batch for the seed events (anonymousId = the OMS session id)', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents(), { respond: OK });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests[0]?.headers).toMatchObject({
      authorization: `Basic ${Buffer.from('1Xk5DChfJAol3xtW7qNnK1apo5p:').toString('base64')}`,
      'content-type': 'application/json',
    });
    expect({
      method: requests[0]?.method,
      url: requests[0]?.url,
      json: requests[0]?.json,
    }).toMatchInlineSnapshot(`
      {
        "json": {
          "batch": [
            {
              "anonymousId": "sess_123",
              "channel": "server",
              "context": {
                "campaign": {
                  "medium": "cpc",
                  "name": "bosley_q1",
                  "source": "facebook",
                },
                "library": {
                  "name": "@relay/adapter-rudderstack",
                  "version": "0.0.0",
                },
              },
              "event": "consult_started",
              "messageId": "bosley:consult_started:2025010100001111",
              "originalTimestamp": "2026-01-15T10:15:00.000Z",
              "properties": {
                "affiliate": "bosleyaffiliate_0123",
                "oms_event_name": "consult_started",
                "order_id": "2025010100001111",
                "session_id": "sess_123",
                "storefront": "bosley",
              },
              "sentAt": "2026-01-15T12:00:00.000Z",
              "timestamp": "2026-01-15T10:15:00.000Z",
              "type": "track",
            },
            {
              "anonymousId": "sess_789",
              "channel": "server",
              "context": {
                "campaign": {
                  "medium": "cpc",
                  "name": "pfizer_q1",
                  "source": "google",
                },
                "library": {
                  "name": "@relay/adapter-rudderstack",
                  "version": "0.0.0",
                },
              },
              "event": "rx_issued",
              "messageId": "pfizer:rx_issued:2025010100002222",
              "originalTimestamp": "2026-01-15T10:20:30.000Z",
              "properties": {
                "affiliate": "pfizeraffiliate_0123",
                "oms_event_name": "rx_issued",
                "order_id": "2025010100002222",
                "session_id": "sess_789",
                "storefront": "pfizer",
              },
              "sentAt": "2026-01-15T12:00:00.000Z",
              "timestamp": "2026-01-15T10:20:30.000Z",
              "type": "track",
            },
            {
              "anonymousId": "sess_456",
              "channel": "server",
              "context": {
                "campaign": {
                  "medium": "organic",
                  "name": "bosley_q1",
                  "source": "google",
                },
                "library": {
                  "name": "@relay/adapter-rudderstack",
                  "version": "0.0.0",
                },
              },
              "event": "Order Completed",
              "messageId": "bosley:purchase_completed:2025020100003333",
              "originalTimestamp": "2026-01-15T10:25:00.000Z",
              "properties": {
                "affiliate": "bosleyaffiliate_0123",
                "currency": "USD",
                "oms_event_name": "purchase_completed",
                "order_id": "2025020100003333",
                "revenue": 80.79,
                "session_id": "sess_456",
                "storefront": "bosley",
              },
              "sentAt": "2026-01-15T12:00:00.000Z",
              "timestamp": "2026-01-15T10:25:00.000Z",
              "type": "track",
            },
          ],
        },
        "method": "POST",
        "url": "https://acmedataplane.rudderstack.com/v1/batch",
      }
    `);
    expectValidBody(requests[0]?.json);
  });

  it('builds the exact message for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], { respond: OK });
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "batch": [
          {
            "anonymousId": "sess_full",
            "channel": "server",
            "context": {
              "campaign": {
                "medium": "cpc",
                "name": "bosley_q1",
                "source": "google",
              },
              "ip": "203.0.113.7",
              "library": {
                "name": "@relay/adapter-rudderstack",
                "version": "0.0.0",
              },
              "page": {
                "url": "https://www.bosley.com/checkout/complete",
              },
              "traits": {
                "address": {
                  "city": "New York",
                  "country": "US",
                  "postalCode": "10001-1234",
                  "state": "NY",
                },
                "email": "john.doe@example.com",
                "firstName": "John",
                "lastName": "Doe",
                "phone": "+15551234567",
              },
              "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
            },
            "event": "Order Completed",
            "messageId": "evt_full_0001",
            "originalTimestamp": "2026-01-15T11:30:00.000Z",
            "properties": {
              "affiliate": "bosleyaffiliate_0123",
              "currency": "USD",
              "oms_event_name": "purchase_completed",
              "order_id": "ORD-1001",
              "products": [
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
              "revenue": 129.5,
              "session_id": "sess_full",
              "storefront": "bosley",
            },
            "sentAt": "2026-01-15T12:00:00.000Z",
            "timestamp": "2026-01-15T11:30:00.000Z",
            "type": "track",
            "userId": "cust_42",
          },
        ],
      }
    `);
    expectValidBody(requests[0]?.json);
  });

  it('maps the canonical kinds to the e-commerce spec names; page view is a page call', async () => {
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
      names.map((n, i) => sampleEvent(n, i + 1, { page_url: 'https://www.bosley.com/p' })),
      { respond: OK },
    );
    const messages = messagesOf(requests[0]?.json);
    expect(messages.map((m) => `${m['type']} ${m['event'] ?? ''}`.trim())).toEqual([
      'track Order Completed',
      'track Checkout Started',
      'track Product Added',
      'track Lead Submitted',
      'track Signed Up',
      'page',
      'track rx_issued',
    ]);
    expect(messages[5]?.properties).toMatchObject({ url: 'https://www.bosley.com/p', order_id: 'ORD-0006' });
    expect(messages[0]?.properties).toMatchObject({ revenue: 11, currency: 'USD' });
    expect(messages[1]?.properties).toMatchObject({ value: 12, currency: 'USD' });
    expect(messages[1]?.properties).not.toHaveProperty('revenue');
    expectValidBody(requests[0]?.json);
  });

  it('sends page views as a Page Viewed track call when page_calls is off', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('page_view')], {
      options: { page_calls: false },
      respond: OK,
    });
    expect(messagesOf(requests[0]?.json)[0]).toMatchObject({ type: 'track', event: 'Page Viewed' });
    expectValidBody(requests[0]?.json);
  });

  it('uses revenue for whatever event is mapped to Order Completed', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('rx_issued')], {
      options: { eventMap: { rx_issued: 'Order Completed' } },
      respond: OK,
    });
    expect(messagesOf(requests[0]?.json)[0]?.properties).toMatchObject({ revenue: 11 });
  });

  it('passes the integrations option on every message', async () => {
    const integrations = { All: false, 'Google Analytics 4': true };
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1), sampleEvent('lead', 2)], {
      options: { integrations },
      respond: OK,
    });
    expect(messagesOf(requests[0]?.json).map((m) => m['integrations'])).toEqual([integrations, integrations]);
    expectValidBody(requests[0]?.json);
  });

  it('sends to the credential data plane URL; a base_url override (simulator) wins', async () => {
    const own = await runAdapter(adapter, [sampleEvent('lead')], {
      credentials: {
        write_key: '1Xk5DChfJAol3xtW7qNnK1apo5p',
        data_plane_url: 'https://rudder.internal.example/',
      },
      respond: OK,
    });
    expect(own.requests[0]?.url).toBe('https://rudder.internal.example/v1/batch');
    const sim = await runAdapter(adapter, [sampleEvent('lead')], {
      baseUrl: 'http://localhost:4010',
      respond: OK,
    });
    expect(sim.requests[0]?.url).toBe('http://localhost:4010/v1/batch');
  });

  it('refuses a data plane URL that is not an http(s) URL', () => {
    expect(() =>
      parseWith(
        adapter.credentials,
        { write_key: '1Xk5DChfJAol3xtW7qNnK1apo5p', data_plane_url: 'acmedataplane.rudderstack.com' },
        'RudderStack credentials',
      ),
    ).toThrow(/data_plane_url/);
  });

  it('rejects before sending an event without userId or anonymousId, and one over 32 KB', async () => {
    const anonymous = sampleEvent('lead', 1, { external_id: undefined });
    const big = sampleEvent('lead', 2, { referrer: `https://x.example/${'a'.repeat(33_000)}` });
    const { requests, results } = await runAdapter(adapter, [anonymous, big, sampleEvent('lead', 3)], {
      respond: OK,
    });
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'rejected',
        code: 'missing_identity',
        reason: 'RudderStack needs a userId or anonymousId: this event has no external id and no session id',
      },
      { status: 'rejected', code: 'event_too_large', reason: 'RudderStack refuses messages over 32 KB' },
      { status: 'delivered' },
    ]);
    expect(messagesOf(requests[0]?.json)).toHaveLength(1);
  });

  it('splits batches over 4 MB (core halves the chunk)', async () => {
    const events = Array.from({ length: 160 }, (_, i) =>
      sampleEvent('lead', i + 1, { referrer: `https://x.example/${'a'.repeat(30_000)}` }),
    );
    const { requests, results } = await runAdapter(adapter, events, { respond: OK });
    expect(results.every((r) => r.outcome.status === 'delivered')).toBe(true);
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(4_000_000);
    expect(requests.flatMap((r) => messagesOf(r.json)).length).toBe(160);
  });

  it('stamps timestamp and originalTimestamp with the event time, sentAt with the send time', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], { respond: OK });
    expect(messagesOf(requests[0]?.json)[0]).toMatchObject({
      timestamp: '2026-01-15T11:30:00.000Z',
      originalTimestamp: '2026-01-15T11:30:00.000Z',
      sentAt: FIXED_NOW.toISOString(),
      messageId: 'evt_full_0001',
    });
  });
});

describe('rudderstack body schema', () => {
  it('catches a message without userId/anonymousId and a track call without event', () => {
    expect(validateBatch({ batch: [{ type: 'track', event: 'x', messageId: 'm' }] })).toBe(false);
    expect(validateBatch({ batch: [{ type: 'track', userId: 'u', messageId: 'm' }] })).toBe(false);
    expect(validateBatch({ batch: [{ type: 'track', event: 'x', userId: 'u', messageId: 'm' }] })).toBe(true);
  });
});

describe('rudderstack identity', () => {
  const traits = async (overrides: Record<string, unknown>) =>
    messagesOf(
      (await runAdapter(adapter, [sampleEvent('lead', 1, overrides)], { respond: OK })).requests[0]?.json,
    )[0]?.context['traits'] as Record<string, unknown>;

  it('sends the email trimmed and lower-cased, unhashed', async () => {
    expect((await traits({ email: ' John.Doe@Example.COM ' }))['email']).toBe('john.doe@example.com');
  });

  it('does not put a 64-hex value in traits.email (not an address)', async () => {
    expect(
      await traits({ email: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f' }),
    ).toEqual({
      phone: '+15551230000',
    });
  });

  it('sends the phone as E.164 (default country US)', async () => {
    expect((await traits({ phone: '(555) 123-4567' }))['phone']).toBe('+15551234567');
  });
});

describe('rudderstack responses', () => {
  const parse = (status: number, body: string, count = 1, headers: Record<string, string> = {}) =>
    parseResponse({ status, headers, body, json: undefined }, mappedEvents(count));

  it('200 OK delivers every event of the batch', () => {
    expect(parse(200, 'OK', 2)).toEqual({ status: 'delivered' });
  });

  it('400 rejects the whole batch with the gateway message', () => {
    expect(parse(400, 'Request neither has anonymousId nor userId\n', 2)).toEqual({
      status: 'rejected',
      code: 'bad_request',
      reason: 'RudderStack refused the batch: Request neither has anonymousId nor userId',
    });
  });

  it('401 Invalid Write Key needs attention', () => {
    expect(parse(401, 'Invalid Write Key\n')).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'RudderStack refused the write key (401): Invalid Write Key',
    });
  });

  it('404 Source is disabled needs attention', () => {
    expect(parse(404, 'Source is disabled\n')).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'RudderStack answered 404 (source disabled, or the data plane URL is wrong): Source is disabled',
    });
  });

  it('413 rejects the batch as too large', () => {
    expect(parse(413, 'Request size exceeds max limit\n')).toEqual({
      status: 'rejected',
      code: 'payload_too_large',
      reason: 'RudderStack refused the batch as over its size limit: Request size exceeds max limit',
    });
  });

  it('429 Max Requests Limit reached retries, honouring Retry-After when present', () => {
    expect(parse(429, 'Max Requests Limit reached\n', 1, { 'retry-after': '5' })).toEqual({
      status: 'retryable',
      reason: 'RudderStack answered 429: Max Requests Limit reached',
      retryAfterMs: 5000,
    });
  });

  it('504 Gateway timeout retries', () => {
    expect(parse(504, 'Gateway timeout\n')).toEqual({
      status: 'retryable',
      reason: 'RudderStack answered 504: Gateway timeout',
    });
  });
});
