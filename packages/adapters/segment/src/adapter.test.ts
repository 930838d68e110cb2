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
import { parseResponse } from './parse-response';

testAdapterConformance(adapter, { success: () => ({ status: 200, body: { success: true } }) });

type Body = { batch: Array<Record<string, unknown> & { context: Record<string, unknown> }> };

describe('segment requests', () => {
  it('builds the exact /v1/batch body for the seed events (anonymousId = session id)', async () => {
    const { requests } = await runAdapter(adapter, seedEvents());
    expect(requests[0]!.headers['authorization']).toBe(
      `Basic ${Buffer.from('AbCdEf0123456789GhIjKl0123456789:').toString('base64')}`,
    );
    expect({
      method: requests[0]!.method,
      url: requests[0]!.url,
      json: requests[0]!.json,
    }).toMatchInlineSnapshot(`
      {
        "json": {
          "batch": [
            {
              "anonymousId": "sess_123",
              "context": {
                "campaign": {
                  "medium": "cpc",
                  "name": "bosley_q1",
                  "source": "facebook",
                },
                "library": {
                  "name": "@relay/adapter-segment",
                  "version": "0.0.0",
                },
              },
              "event": "consult_started",
              "messageId": "bosley:consult_started:2025010100001111",
              "properties": {
                "affiliate": "bosleyaffiliate_0123",
                "oms_event_name": "consult_started",
                "order_id": "2025010100001111",
                "session_id": "sess_123",
                "storefront": "bosley",
              },
              "timestamp": "2026-01-15T10:15:00.000Z",
              "type": "track",
            },
            {
              "anonymousId": "sess_789",
              "context": {
                "campaign": {
                  "medium": "cpc",
                  "name": "pfizer_q1",
                  "source": "google",
                },
                "library": {
                  "name": "@relay/adapter-segment",
                  "version": "0.0.0",
                },
              },
              "event": "rx_issued",
              "messageId": "pfizer:rx_issued:2025010100002222",
              "properties": {
                "affiliate": "pfizeraffiliate_0123",
                "oms_event_name": "rx_issued",
                "order_id": "2025010100002222",
                "session_id": "sess_789",
                "storefront": "pfizer",
              },
              "timestamp": "2026-01-15T10:20:30.000Z",
              "type": "track",
            },
            {
              "anonymousId": "sess_456",
              "context": {
                "campaign": {
                  "medium": "organic",
                  "name": "bosley_q1",
                  "source": "google",
                },
                "library": {
                  "name": "@relay/adapter-segment",
                  "version": "0.0.0",
                },
              },
              "event": "Order Completed",
              "messageId": "bosley:purchase_completed:2025020100003333",
              "properties": {
                "affiliate": "bosleyaffiliate_0123",
                "currency": "USD",
                "oms_event_name": "purchase_completed",
                "order_id": "2025020100003333",
                "revenue": 80.79,
                "session_id": "sess_456",
                "storefront": "bosley",
              },
              "timestamp": "2026-01-15T10:25:00.000Z",
              "type": "track",
            },
          ],
        },
        "method": "POST",
        "url": "https://api.segment.io/v1/batch",
      }
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "batch": [
          {
            "context": {
              "campaign": {
                "medium": "cpc",
                "name": "bosley_q1",
                "source": "google",
              },
              "ip": "203.0.113.7",
              "library": {
                "name": "@relay/adapter-segment",
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
            "timestamp": "2026-01-15T11:30:00.000Z",
            "type": "track",
            "userId": "cust_42",
          },
        ],
      }
    `);
  });

  it('uses the EU host for an EU workspace', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], {
      credentials: { ...adapter.credentialsExample, region: 'eu' },
    });
    expect(requests[0]!.url).toBe('https://events.eu1.segmentapis.com/v1/batch');
  });

  it('rejects an event without external id and session id, and one over 32 kB, and sends the rest', async () => {
    const { requests, results } = await runAdapter(adapter, [
      sampleEvent('lead', 1, { external_id: undefined }),
      sampleEvent('lead', 2, { items: [{ id: 'SKU-1', name: 'x'.repeat(33_000) }] }),
      sampleEvent('lead', 3),
    ]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'rejected',
        code: 'missing_identity',
        reason: 'Segment needs a userId or anonymousId: this event has no external id and no session id',
      },
      { status: 'rejected', code: 'event_too_large', reason: 'Segment refuses events over 32 kB' },
      { status: 'delivered' },
    ]);
    expect((requests[0]!.json as Body).batch.map((m) => m['messageId'])).toEqual(['bosley:lead:ORD-0003']);
  });

  it('normalises the traits: email lower-cased, phone E.164 with default country US', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('lead', 1, { email: ' John.Doe@Example.COM ', phone: '(555) 123-4567' }),
    ]);
    expect((requests[0]!.json as Body).batch[0]!.context['traits']).toEqual({
      email: 'john.doe@example.com',
      phone: '+15551234567',
    });
  });

  it('sends value (not revenue) for a non-purchase event', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1)]);
    expect((requests[0]!.json as Body).batch[0]!['properties']).toMatchObject({ value: 11, currency: 'USD' });
  });
});

describe('segment responses', () => {
  it('200 {success: true} delivers the batch', () => {
    expect(parseResponse(jsonResponse(200, { success: true }), mappedEvents(2))).toEqual({
      status: 'delivered',
    });
  });

  it('400 rejects the batch', () => {
    expect(
      parseResponse(jsonResponse(400, { success: false, message: 'Invalid JSON' }), mappedEvents(1)),
    ).toEqual({
      status: 'rejected',
      code: 'bad_request',
      reason:
        'Segment rejected the batch (invalid JSON or over 500 kB): {"success":false,"message":"Invalid JSON"}',
    });
  });

  it('401 and 403 need a new write key', () => {
    expect(
      parseResponse({ status: 401, headers: {}, body: 'Unauthorized', json: undefined }, mappedEvents(1)),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'Segment refused the write key (401): Unauthorized',
    });
    expect(parseResponse({ status: 403, headers: {}, body: '', json: undefined }, mappedEvents(1))).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'Segment refused the write key (403): HTTP 403',
    });
  });

  it('413 is rejected', () => {
    expect(
      parseResponse(
        { status: 413, headers: {}, body: 'Request Entity Too Large', json: undefined },
        mappedEvents(1),
      ),
    ).toEqual({
      status: 'rejected',
      code: 'payload_too_large',
      reason: 'Segment refused a batch over 500 kB: Request Entity Too Large',
    });
  });

  it('429 and 5xx retry (core table)', () => {
    expect(
      parseResponse(
        { status: 429, headers: { 'retry-after': '3' }, body: 'slow down', json: undefined },
        mappedEvents(1),
      ),
    ).toEqual({ status: 'retryable', reason: 'Segment answered 429: slow down', retryAfterMs: 3000 });
    expect(
      parseResponse({ status: 500, headers: {}, body: 'oops', json: undefined }, mappedEvents(1)).status,
    ).toBe('retryable');
  });
});
