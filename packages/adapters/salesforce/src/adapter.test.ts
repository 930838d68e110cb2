import { ValidationError, parseWith, sha256Hex } from '@relay/core';
import {
  type MockReply,
  type RecordedRequest,
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
import { describe, expect, it } from 'vitest';
import type { RelayEvent } from '@relay/core';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const JOURNEY = { event_definition_key: 'APIEvent-1a2b3c4d-0000-1111-2222-333344445555' };
const ROWS = { target: 'data_extension', data_extension_key: 'Relay_Events' };
const TOKEN_URL = 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/v2/token';
const REST = 'https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com';

testAdapterConformance(adapter, {
  options: JOURNEY,
  success: () => ({ status: 201, body: { eventInstanceId: 'e1' } }),
});

describe('salesforce conformance, data extension target', () => {
  testAdapterConformance(adapter, { options: ROWS });
});

const isToken = (r: RecordedRequest) => r.url.endsWith('/v2/token');
const respond = (r: RecordedRequest): MockReply =>
  isToken(r)
    ? { status: 200, body: { access_token: 'eyJ-sfmc-token', token_type: 'Bearer', expires_in: 1079 } }
    : r.url.includes('/interaction/')
      ? { status: 201, body: { eventInstanceId: 'd7a0bd4a-0000-4d4b-9a57-1e3f1ab2c8f0' } }
      : { status: 200, body: [] };

const run = async (events: RelayEvent[], options: Record<string, unknown> = JOURNEY) => {
  const result = await runAdapter(adapter, events, { options, respond });
  return {
    ...result,
    tokenRequests: result.requests.filter(isToken),
    requests: result.requests.filter((r) => !isToken(r)),
  };
};

const NOW = new Date('2026-01-15T12:00:00Z');

describe('salesforce token', () => {
  it('gets a client-credentials token from the tenant auth host with the MID', async () => {
    const { tokenRequests, requests } = await run([fullPurchaseEvent()]);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]!.url).toBe(TOKEN_URL);
    expect(Object.fromEntries(new URLSearchParams(tokenRequests[0]!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'ft7kz0hxq2b9c4n1w8e3m5rj',
      client_secret: 'ExampleClientSecret0123456789ab',
      account_id: '514009708',
    });
    expect(requests[0]!.headers).toMatchObject({
      authorization: 'Bearer eyJ-sfmc-token',
      'content-type': 'application/json; charset=utf-8',
    });
  });

  it('leaves account_id out when the credential has no MID', async () => {
    const { account_id: _mid, ...credentials } = adapter.credentialsExample;
    const result = await runAdapter(adapter, [fullPurchaseEvent()], {
      credentials,
      options: JOURNEY,
      respond,
    });
    const token = result.requests.find(isToken)!;
    expect(new URLSearchParams(token.body).has('account_id')).toBe(false);
  });

  it('a refused token request makes the events need attention, naming client_secret', async () => {
    const result = await runAdapter(adapter, [fullPurchaseEvent()], {
      options: JOURNEY,
      respond: (r) =>
        isToken(r)
          ? { status: 401, body: { error: 'invalid_client', error_description: 'Invalid client ID.' } }
          : { status: 201, body: {} },
    });
    expect(result.results[0]!.outcome).toMatchObject({ status: 'auth' });
    expect(JSON.stringify(result.results[0]!.outcome)).toContain('invalid_client');
  });
});

describe('salesforce credentials and options', () => {
  it('validates the subdomain and lower-cases it', () => {
    const parsed = parseWith(
      adapter.credentials,
      { ...adapter.credentialsExample, subdomain: ' MC563885GZS27C5T9-63K636TTGM ' },
      'credentials',
    );
    expect(parsed.subdomain).toBe('mc563885gzs27c5t9-63k636ttgm');
    for (const subdomain of [
      'mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com',
      'https://mc1',
      'xx563885gzs27c5t9-63k636ttgm',
    ])
      expect(
        adapter.credentials.safeParse({ ...adapter.credentialsExample, subdomain }).success,
        subdomain,
      ).toBe(false);
  });

  it('needs the key of the chosen target', () => {
    const error = (() => {
      try {
        parseWith(adapter.options, {}, 'options');
      } catch (e) {
        return e;
      }
    })();
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('event_definition_key');
    expect(adapter.options.safeParse({ target: 'data_extension' }).success).toBe(false);
    expect(adapter.options.safeParse(ROWS).success).toBe(true);
    expect(adapter.options.safeParse({ event_definition_key: 'APIEvent.1' }).success).toBe(false);
  });
});

describe('salesforce journey events', () => {
  it('rejects the bare seed events before sending: no external id for the ContactKey', async () => {
    const { requests, results } = await run(seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'missing_contact_key',
        reason:
          'Salesforce Marketing Cloud needs a ContactKey to enter a journey; the event has no external id (option contact_key)',
      })),
    );
  });

  it('builds the exact bodies for the seed events with a customer id, one request per event', async () => {
    const events = SEED_BATCH.data.map((r, i) => eventFromRecord({ ...r, customer_id: `customer-${i + 1}` }));
    const { requests, results } = await run(events);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "ContactKey": "customer-1",
            "Data": {
              "Affiliate": "bosleyaffiliate_0123",
              "EventId": "bosley:consult_started:2025010100001111",
              "EventName": "consult_started",
              "EventTime": "2026-01-15T10:15:00.000Z",
              "ExternalId": "customer-1",
              "OmsEventName": "consult_started",
              "OrderId": "2025010100001111",
              "SessionId": "sess_123",
              "Storefront": "bosley",
              "UtmCampaign": "bosley_q1",
              "UtmMedium": "cpc",
              "UtmSource": "facebook",
            },
            "EventDefinitionKey": "APIEvent-1a2b3c4d-0000-1111-2222-333344445555",
          },
          "method": "POST",
          "url": "https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/interaction/v1/events",
        },
        {
          "json": {
            "ContactKey": "customer-2",
            "Data": {
              "Affiliate": "pfizeraffiliate_0123",
              "EventId": "pfizer:rx_issued:2025010100002222",
              "EventName": "rx_issued",
              "EventTime": "2026-01-15T10:20:30.000Z",
              "ExternalId": "customer-2",
              "OmsEventName": "rx_issued",
              "OrderId": "2025010100002222",
              "SessionId": "sess_789",
              "Storefront": "pfizer",
              "UtmCampaign": "pfizer_q1",
              "UtmMedium": "cpc",
              "UtmSource": "google",
            },
            "EventDefinitionKey": "APIEvent-1a2b3c4d-0000-1111-2222-333344445555",
          },
          "method": "POST",
          "url": "https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/interaction/v1/events",
        },
        {
          "json": {
            "ContactKey": "customer-3",
            "Data": {
              "Affiliate": "bosleyaffiliate_0123",
              "Currency": "USD",
              "EventId": "bosley:purchase_completed:2025020100003333",
              "EventName": "Purchase",
              "EventTime": "2026-01-15T10:25:00.000Z",
              "ExternalId": "customer-3",
              "OmsEventName": "purchase_completed",
              "OrderId": "2025020100003333",
              "SessionId": "sess_456",
              "Storefront": "bosley",
              "UtmCampaign": "bosley_q1",
              "UtmMedium": "organic",
              "UtmSource": "google",
              "Value": 80.79,
            },
            "EventDefinitionKey": "APIEvent-1a2b3c4d-0000-1111-2222-333344445555",
          },
          "method": "POST",
          "url": "https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/interaction/v1/events",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await run([fullPurchaseEvent()]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.json).toMatchInlineSnapshot(`
      {
        "ContactKey": "cust_42",
        "Data": {
          "Affiliate": "bosleyaffiliate_0123",
          "Currency": "USD",
          "Email": "john.doe@example.com",
          "EventId": "evt_full_0001",
          "EventName": "Purchase",
          "EventTime": "2026-01-15T11:30:00.000Z",
          "ExternalId": "cust_42",
          "FirstName": "John",
          "LastName": "Doe",
          "OmsEventName": "purchase_completed",
          "OrderId": "ORD-1001",
          "PageUrl": "https://www.bosley.com/checkout/complete",
          "Phone": "+15551234567",
          "SessionId": "sess_full",
          "Storefront": "bosley",
          "UtmCampaign": "bosley_q1",
          "UtmMedium": "cpc",
          "UtmSource": "google",
          "Value": 129.5,
        },
        "EventDefinitionKey": "APIEvent-1a2b3c4d-0000-1111-2222-333344445555",
      }
    `);
  });

  it('uses the normalised email as ContactKey with contact_key email', async () => {
    const { requests } = await run([fullPurchaseEvent()], { ...JOURNEY, contact_key: 'email' });
    expect((requests[0]!.json as { ContactKey: string }).ContactKey).toBe('john.doe@example.com');
  });

  it('sends email and phone raw but normalised, and drops an already-hashed email', async () => {
    const { requests } = await run([
      eventFromRecord({
        ...SEED_BATCH.data[2],
        customer_id: 'c1',
        email: ' John.Doe@Example.COM ',
        phone: '(555) 123-4567',
      }),
      eventFromRecord({ ...SEED_BATCH.data[2], customer_id: 'c2', email: sha256Hex('john.doe@example.com') }),
    ]);
    const data = requests.map((r) => (r.json as { Data: Record<string, unknown> }).Data);
    expect([data[0]!.Email, data[0]!.Phone]).toEqual(['john.doe@example.com', '+15551234567']);
    expect(data[1]).not.toHaveProperty('Email');
  });
});

describe('salesforce data extension rows', () => {
  it('builds the exact rowset for the seed events (no contact key needed)', async () => {
    const { requests, results } = await run(seedEvents(), ROWS);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests).toHaveLength(1);
    expect({
      method: requests[0]!.method,
      url: requests[0]!.url,
      json: requests[0]!.json,
    }).toMatchInlineSnapshot(`
      {
        "json": [
          {
            "keys": {
              "EventId": "bosley:consult_started:2025010100001111",
            },
            "values": {
              "Affiliate": "bosleyaffiliate_0123",
              "EventName": "consult_started",
              "EventTime": "2026-01-15T10:15:00.000Z",
              "OmsEventName": "consult_started",
              "OrderId": "2025010100001111",
              "SessionId": "sess_123",
              "Storefront": "bosley",
              "UtmCampaign": "bosley_q1",
              "UtmMedium": "cpc",
              "UtmSource": "facebook",
            },
          },
          {
            "keys": {
              "EventId": "pfizer:rx_issued:2025010100002222",
            },
            "values": {
              "Affiliate": "pfizeraffiliate_0123",
              "EventName": "rx_issued",
              "EventTime": "2026-01-15T10:20:30.000Z",
              "OmsEventName": "rx_issued",
              "OrderId": "2025010100002222",
              "SessionId": "sess_789",
              "Storefront": "pfizer",
              "UtmCampaign": "pfizer_q1",
              "UtmMedium": "cpc",
              "UtmSource": "google",
            },
          },
          {
            "keys": {
              "EventId": "bosley:purchase_completed:2025020100003333",
            },
            "values": {
              "Affiliate": "bosleyaffiliate_0123",
              "Currency": "USD",
              "EventName": "Purchase",
              "EventTime": "2026-01-15T10:25:00.000Z",
              "OmsEventName": "purchase_completed",
              "OrderId": "2025020100003333",
              "SessionId": "sess_456",
              "Storefront": "bosley",
              "UtmCampaign": "bosley_q1",
              "UtmMedium": "organic",
              "UtmSource": "google",
              "Value": 80.79,
            },
          },
        ],
        "method": "POST",
        "url": "https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/hub/v1/dataevents/key:Relay_Events/rowset",
      }
    `);
  });

  it('builds the exact row for a fully populated purchase, ContactKey included', async () => {
    const { requests } = await run([fullPurchaseEvent()], ROWS);
    expect(requests[0]!.json).toMatchInlineSnapshot(`
      [
        {
          "keys": {
            "EventId": "evt_full_0001",
          },
          "values": {
            "Affiliate": "bosleyaffiliate_0123",
            "ContactKey": "cust_42",
            "Currency": "USD",
            "Email": "john.doe@example.com",
            "EventName": "Purchase",
            "EventTime": "2026-01-15T11:30:00.000Z",
            "ExternalId": "cust_42",
            "FirstName": "John",
            "LastName": "Doe",
            "OmsEventName": "purchase_completed",
            "OrderId": "ORD-1001",
            "PageUrl": "https://www.bosley.com/checkout/complete",
            "Phone": "+15551234567",
            "SessionId": "sess_full",
            "Storefront": "bosley",
            "UtmCampaign": "bosley_q1",
            "UtmMedium": "cpc",
            "UtmSource": "google",
            "Value": 129.5,
          },
        },
      ]
    `);
  });

  it('puts at most 50 rows in a rowset', async () => {
    const events = Array.from({ length: 51 }, (_, i) => sampleEvent('purchase_completed', i + 1));
    const { requests } = await run(events, ROWS);
    expect(requests.map((r) => (r.json as unknown[]).length)).toEqual([50, 1]);
  });

  it('escapes the data extension key in the path', async () => {
    const { requests } = await run([fullPurchaseEvent()], {
      ...ROWS,
      data_extension_key: 'Relay Events/2026',
    });
    expect(requests[0]!.url).toBe(`${REST}/hub/v1/dataevents/key:Relay%20Events%2F2026/rowset`);
  });
});

describe('salesforce rowset: one bad row never sinks the others', () => {
  it("delivers every valid row once saved and rejects only the bad one, with Marketing Cloud's message", async () => {
    // Marketing Cloud's rowset saves the rows before the first bad one and refuses that one and all
    // after it, answering 400 for the request (Segment's sfmc-operations.ts, executeUpsertWithMultiStatus).
    const saved = new Map<string, unknown>();
    let rowsetCalls = 0;
    const sfmc = (r: RecordedRequest): MockReply => {
      if (isToken(r)) return respond(r);
      rowsetCalls += 1;
      const rows = r.json as Array<{ keys: { EventId: string }; values: { OrderId?: string } }>;
      for (const row of rows) {
        if (row.values.OrderId === 'ORD-0007') {
          return {
            status: 400,
            body: {
              message: 'Unable to save rows for data extension ID 7d0e',
              errorcode: 10006,
              documentation: '',
              additionalErrors: [
                { message: "The value for column 'Value' is not a valid number", errorcode: 10001 },
              ],
            },
          };
        }
        saved.set(row.keys.EventId, row.values);
      }
      return { status: 200, body: [] };
    };
    const events = Array.from({ length: 10 }, (_, i) => sampleEvent('purchase_completed', i + 1));
    const { results } = await runAdapter(adapter, events, { options: ROWS, respond: sfmc });
    expect(results.map((r) => r.outcome.status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
      'delivered',
      'delivered',
      'delivered',
      'rejected',
      'delivered',
      'delivered',
      'delivered',
    ]);
    expect(results[6]!.outcome).toEqual({
      status: 'rejected',
      code: 'sfmc_10006',
      reason:
        "Salesforce Marketing Cloud rejected the request (400): Unable to save rows for data extension ID 7d0e (10006); The value for column 'Value' is not a valid number",
    });
    expect([...saved.keys()].sort()).toEqual(
      events
        .filter((_, i) => i !== 6)
        .map((e) => e.dedupKey)
        .sort(),
    );
    expect(rowsetCalls).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(10)));
  });
});

describe('salesforce rowset: a request-level error is never split', () => {
  it('gives a 404 (no such data extension) to every row in one request', async () => {
    let rowsetCalls = 0;
    const notFound = (r: RecordedRequest): MockReply => {
      if (isToken(r)) return respond(r);
      rowsetCalls += 1;
      return { status: 404, body: { message: 'Not Found', errorcode: 404, documentation: '' } };
    };
    const events = Array.from({ length: 8 }, (_, i) => sampleEvent('purchase_completed', i + 1));
    const { results } = await runAdapter(adapter, events, { options: ROWS, respond: notFound });
    expect(rowsetCalls).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r.outcome)))).toEqual(
      new Set([JSON.stringify(results[0]!.outcome)]),
    );
    expect(results[0]!.outcome).toMatchObject({ status: 'rejected', code: 'http_404' });
  });
});

describe('salesforce responses', () => {
  const ctxEvents = (n: number) => mappedEvents(n, 'Purchase');

  it('201 journey event and 200 rowset are delivered', () => {
    expect(parseResponse(jsonResponse(201, { eventInstanceId: 'x' }), ctxEvents(1), NOW)).toEqual({
      status: 'delivered',
    });
    expect(parseResponse(jsonResponse(200, [{ keys: {}, values: {} }]), ctxEvents(2), NOW)).toEqual({
      status: 'delivered',
    });
  });

  it('400 10006 "Unable to save rows" without detail is retryable', () => {
    const body = {
      message: 'Unable to save rows for data extension ID 1234',
      errorcode: 10006,
      documentation: '',
    };
    expect(parseResponse(jsonResponse(400, body), ctxEvents(2), NOW)).toEqual({
      status: 'retryable',
      reason:
        'Salesforce Marketing Cloud could not save the rows for now: Unable to save rows for data extension ID 1234 (10006)',
    });
  });

  it('400 10006 with additionalErrors is rejected with every detail', () => {
    const body = {
      message: 'Unable to save rows for data extension ID 1234',
      errorcode: 10006,
      documentation: '',
      additionalErrors: [
        { message: "The field 'Foo' does not exist in the data extension.", errorcode: 10000 },
        { message: 'At least one existing field is required in the values property.', errorcode: 10000 },
      ],
    };
    expect(parseResponse(jsonResponse(400, body), ctxEvents(1), NOW)).toEqual({
      status: 'rejected',
      code: 'sfmc_10006',
      reason:
        "Salesforce Marketing Cloud rejected the request (400): Unable to save rows for data extension ID 1234 (10006); The field 'Foo' does not exist in the data extension.; At least one existing field is required in the values property.",
    });
  });

  it('400 from the journey event API (unknown event definition) is rejected under its errorcode', () => {
    const body = { message: 'Event definition not found', errorcode: 30000, documentation: '' };
    expect(parseResponse(jsonResponse(400, body), ctxEvents(1), NOW)).toEqual({
      status: 'rejected',
      code: 'sfmc_30000',
      reason: 'Salesforce Marketing Cloud rejected the request (400): Event definition not found (30000)',
    });
  });

  it('403 / 20002 insufficient privileges needs a person', () => {
    for (const [status, body] of [
      [403, { message: 'Insufficient privileges to complete this action.', errorcode: 20002 }],
      [400, { message: 'Insufficient privileges to complete this action.', errorcode: 20002 }],
    ] as const) {
      expect(parseResponse(jsonResponse(status, body), ctxEvents(1), NOW)).toEqual({
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'Salesforce Marketing Cloud API Integration lacks a permission (Journeys: Execute for journey events, Data Extensions: Write for rows); add it in Installed Packages: Insufficient privileges to complete this action. (20002)',
      });
    }
  });

  it('leaves 401, 404, 429 and 5xx to the status table, keeping the message', () => {
    const expired = parseResponse(
      jsonResponse(401, { message: 'Not Authorized', errorcode: 0 }),
      ctxEvents(1),
      NOW,
    );
    expect(expired).toMatchObject({ status: 'auth', kind: 'refresh' });
    const missing = parseResponse(
      jsonResponse(404, { message: 'Data extension not found', errorcode: 10000 }),
      ctxEvents(1),
      NOW,
    );
    expect(missing).toMatchObject({ status: 'rejected' });
    expect((missing as { reason: string }).reason).toContain('Data extension not found (10000)');
    const throttled = parseResponse(jsonResponse(429, {}, { 'retry-after': '30' }), ctxEvents(1), NOW);
    expect(throttled).toMatchObject({ status: 'retryable', retryAfterMs: 30_000 });
    expect(parseResponse(jsonResponse(503, {}), ctxEvents(1), NOW).status).toBe('retryable');
  });
});
