import { type RelayEvent, sha256Hex } from '@relay/core';
import {
  SEED_BATCH,
  eventFromRecord,
  fullPurchaseEvent,
  jsonResponse,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

testAdapterConformance(adapter);

const NOW = new Date('2026-01-15T12:00:00Z');
type Body = { records: Array<Record<string, unknown>> };
const recordsOf = (json: unknown) => (json as Body).records;

const run = (
  events: RelayEvent[],
  options: Record<string, unknown> = {},
  credentials?: Record<string, unknown>,
) =>
  runAdapter(adapter, events, {
    options,
    ...(credentials ? { credentials: { ...adapter.credentialsExample, ...credentials } } : {}),
  });

describe('treasure_data requests', () => {
  it('builds the exact request for the seed events: one batch, time in unix seconds', async () => {
    const { requests, results } = await run(seedEvents());
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers).toMatchObject({
      authorization: 'TD1 1234/0123456789abcdef0123456789abcdef01234567',
      'content-type': 'application/vnd.treasuredata.v1+json',
    });
    expect({
      method: requests[0]!.method,
      url: requests[0]!.url,
      json: requests[0]!.json,
    }).toMatchInlineSnapshot(`
      {
        "json": {
          "records": [
            {
              "affiliate": "bosleyaffiliate_0123",
              "event_id": "bosley:consult_started:2025010100001111",
              "event_name": "consult_started",
              "oms_event_name": "consult_started",
              "order_id": "2025010100001111",
              "session_id": "sess_123",
              "storefront": "bosley",
              "time": 1768472100,
              "utm_campaign": "bosley_q1",
              "utm_medium": "cpc",
              "utm_source": "facebook",
            },
            {
              "affiliate": "pfizeraffiliate_0123",
              "event_id": "pfizer:rx_issued:2025010100002222",
              "event_name": "rx_issued",
              "oms_event_name": "rx_issued",
              "order_id": "2025010100002222",
              "session_id": "sess_789",
              "storefront": "pfizer",
              "time": 1768472430,
              "utm_campaign": "pfizer_q1",
              "utm_medium": "cpc",
              "utm_source": "google",
            },
            {
              "affiliate": "bosleyaffiliate_0123",
              "currency": "USD",
              "event_id": "bosley:purchase_completed:2025020100003333",
              "event_name": "purchase",
              "oms_event_name": "purchase_completed",
              "order_created_date": "2026-01-15T10:25:00Z",
              "order_id": "2025020100003333",
              "order_ship_date": "2026-01-15T10:25:00Z",
              "session_id": "sess_456",
              "storefront": "bosley",
              "time": 1768472700,
              "utm_campaign": "bosley_q1",
              "utm_medium": "organic",
              "utm_source": "google",
              "value": 80.79,
            },
          ],
        },
        "method": "POST",
        "url": "https://us01.records.in.treasuredata.com/relay_events/oms_events",
      }
    `);
  });

  it('builds the exact record for a fully populated purchase', async () => {
    const { requests } = await run([fullPurchaseEvent()]);
    expect(requests[0]!.json).toMatchInlineSnapshot(`
      {
        "records": [
          {
            "affiliate": "bosleyaffiliate_0123",
            "city": "New York",
            "consent_ad_personalization": "denied",
            "consent_ad_user_data": "granted",
            "country": "US",
            "currency": "USD",
            "email": "john.doe@example.com",
            "epik": "dj0yJnU9test-epik",
            "event_id": "evt_full_0001",
            "event_name": "purchase",
            "external_id": "cust_42",
            "fbc": "fb.1.1736935200000.IwAR0abc",
            "fbp": "fb.1.1736935100000.123456789",
            "first_name": "John",
            "gclid": "Cj0KCQiA-test-gclid",
            "ip_address": "203.0.113.7",
            "items": "[{"product_id":"SKU-1","name":"Hair Regrowth Kit","price":99.5,"quantity":1,"category":"kits"},{"product_id":"SKU-2","name":"Shampoo","price":15,"quantity":2,"category":"care"}]",
            "last_name": "Doe",
            "li_fat_id": "li-fat-123",
            "msclkid": "ms-click-123",
            "oms_event_name": "purchase_completed",
            "order_id": "ORD-1001",
            "page_url": "https://www.bosley.com/checkout/complete",
            "phone": "+15551234567",
            "rdt_cid": "rdt-click-123",
            "sc_click_id": "sc-click-123",
            "session_id": "sess_full",
            "state": "NY",
            "storefront": "bosley",
            "time": 1768476600,
            "ttclid": "E.C.P.test-ttclid",
            "ttp": "ttp-cookie-value",
            "twclid": "tw-click-123",
            "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
            "utm_campaign": "bosley_q1",
            "utm_medium": "cpc",
            "utm_source": "google",
            "value": 129.5,
            "zip": "10001-1234",
          },
        ],
      }
    `);
  });

  it('hashes identifiers with hash_identifiers: sha256 of the normalised email and E.164 phone only', async () => {
    const { requests } = await run([fullPurchaseEvent()], { hash_identifiers: true });
    const [record] = recordsOf(requests[0]!.json);
    expect(record!.email_sha256).toBe(sha256Hex('john.doe@example.com'));
    expect(record!.phone_sha256).toBe(sha256Hex('+15551234567'));
    for (const key of ['email', 'phone', 'first_name', 'last_name', 'city', 'state', 'zip', 'ip_address'])
      expect(record, key).not.toHaveProperty(key);
  });

  it('passes an already-hashed email through unchanged, in either mode', async () => {
    const hashed = sha256Hex('john.doe@example.com').toUpperCase();
    const event = eventFromRecord({ ...SEED_BATCH.data[2], email: hashed });
    for (const hash_identifiers of [false, true]) {
      const { requests } = await run([event], { hash_identifiers });
      const [record] = recordsOf(requests[0]!.json);
      expect(record!.email_sha256).toBe(hashed.toLowerCase());
      expect(record).not.toHaveProperty('email');
    }
  });

  it('leaves the OMS keys out with include_properties false and never lets them override Relay columns', async () => {
    const event = eventFromRecord({
      ...SEED_BATCH.data[2],
      time: 1,
      uuid: 'x',
      'Order Note': 'gift',
      nested: { a: 1 },
      event_id_extra: 'k',
    });
    const withProps = recordsOf((await run([event])).requests[0]!.json)[0]!;
    expect(withProps.time).toBe(Date.parse('2026-01-15T10:25:00Z') / 1000);
    expect(withProps).not.toHaveProperty('uuid');
    expect(withProps).toMatchObject({ order_note: 'gift', nested: '{"a":1}', event_id_extra: 'k' });
    const without = recordsOf((await run([event], { include_properties: false })).requests[0]!.json)[0]!;
    for (const key of ['order_note', 'nested', 'order_created_date'])
      expect(without, key).not.toHaveProperty(key);
  });

  it('sends to the credential region host', async () => {
    const { requests } = await run([fullPurchaseEvent()], {}, { region: 'eu01' });
    expect(requests[0]!.url).toBe('https://eu01.records.in.treasuredata.com/relay_events/oms_events');
  });

  it('puts at most 500 records in a batch', async () => {
    const events = Array.from({ length: 501 }, (_, i) => sampleEvent('purchase_completed', i + 1));
    const { requests } = await run(events);
    expect(requests.map((r) => recordsOf(r.json).length)).toEqual([500, 1]);
  });

  it('rejects a record over 1 MB before sending and sends the others', async () => {
    const big = eventFromRecord({ ...SEED_BATCH.data[0], note: 'x'.repeat(1_000_001) });
    const { requests, results } = await run([big, seedEvents()[2]!]);
    expect(results[0]!.outcome).toMatchObject({ status: 'rejected', code: 'record_too_large' });
    expect(results[1]!.outcome.status).toBe('delivered');
    expect(requests).toHaveLength(1);
    expect(recordsOf(requests[0]!.json)).toHaveLength(1);
  });

  it('validates the credentials', () => {
    const ok = adapter.credentialsExample;
    for (const bad of [
      { write_key: 'abcdef' },
      { database: 'Relay-Events' },
      { table: 'ab' },
      { region: 'us02' },
    ])
      expect(adapter.credentials.safeParse({ ...ok, ...bad }).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('treasure_data responses', () => {
  const TARGET = { database: 'relay_events', table: 'oms_events', region: 'us01' } as const;
  const KEY_FIX = 'give a write-only API key of the account that owns the table, in the right region';

  it('200 delivers every record of the batch', () => {
    expect(parseResponse(jsonResponse(200, { receipts: [] }), TARGET, NOW)).toEqual({ status: 'delivered' });
  });

  it('401 and 403: the write key needs a person; the reason names the credential table and region', () => {
    for (const status of [401, 403])
      expect(parseResponse(jsonResponse(status, { message: 'Unauthorized' }), TARGET, NOW)).toEqual({
        status: 'auth',
        kind: 'needs-attention',
        reason: `Treasure Data refused the write key (${status}); ${KEY_FIX}: Unauthorized (table relay_events.oms_events, region us01)`,
      });
  });

  it('404: the database or table does not exist, named from the credential', () => {
    const target = { database: 'crm', table: 'orders_eu', region: 'eu01' } as const;
    expect(parseResponse(jsonResponse(404, { error: 'Resource not found' }), target, NOW)).toEqual({
      status: 'rejected',
      code: 'table_not_found',
      reason:
        'Treasure Data has no such database or table; create the database and table first (the Ingest API writes only into existing tables): Resource not found (table crm.orders_eu, region eu01)',
    });
  });

  it('413: the batch is too large (no credential detail: it would not help)', () => {
    const response = { status: 413, headers: {}, body: 'Request Entity Too Large', json: undefined };
    expect(parseResponse(response, TARGET, NOW)).toEqual({
      status: 'rejected',
      code: 'payload_too_large',
      reason:
        'Treasure Data refused the batch as too large (limits: 5 MB per batch, 1 MB per record): Request Entity Too Large',
    });
  });

  it('leaves 400, 429 and 5xx to the status table, keeping the detail', () => {
    expect(parseResponse(jsonResponse(400, { message: 'records must be an array' }), TARGET, NOW)).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'Treasure Data rejected the request (400): records must be an array',
    });
    expect(parseResponse(jsonResponse(429, {}, { 'retry-after': '5' }), TARGET, NOW)).toEqual({
      status: 'retryable',
      reason: 'Treasure Data answered 429: {}',
      retryAfterMs: 5000,
    });
    expect(parseResponse({ status: 502, headers: {}, body: '', json: undefined }, TARGET, NOW)).toEqual({
      status: 'retryable',
      reason: 'Treasure Data answered 502: HTTP 502',
    });
  });

  it('gives every event of a refused batch the outcome, through deliver (one request, no retry)', async () => {
    const { results, attempts } = await runAdapter(adapter, seedEvents(), {
      respond: () => ({ status: 404, body: { error: 'Resource not found' } }),
    });
    expect(attempts).toHaveLength(1);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'table_not_found',
        reason:
          'Treasure Data has no such database or table; create the database and table first (the Ingest API writes only into existing tables): Resource not found (table relay_events.oms_events, region us01)',
      })),
    );
  });
});
