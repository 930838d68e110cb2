import { CANONICAL_EVENTS, hashEmail, sha256Hex } from '@relay/core';
import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  outcomesPerEvent,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { eventTimeOf } from './build-requests';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

const AF_ID = '1415211453000-6513894';
const IDFA = '6D92078A-8246-4BA4-AE5B-76104861E7DC';
const GAID = '38400000-8cf0-11bd-b23e-10b96e40000d';
const NOW = new Date('2026-01-15T12:00:00Z');

testAdapterConformance(adapter, { record: { appsflyer_id: AF_ID } });

type Body = Record<string, unknown>;
const bodyOf = (request: { json: unknown } | undefined) => request!.json as Body;
const richValueOf = (request: { json: unknown } | undefined) =>
  JSON.parse(bodyOf(request)['eventValue'] as string) as Record<string, unknown>;

describe('appsflyer requests', () => {
  it('rejects the bare seed events before sending: appsflyer_id is required', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array(3).fill({
        status: 'rejected',
        code: 'missing_appsflyer_id',
        reason:
          "AppsFlyer requires appsflyer_id (the device's AppsFlyer id from the SDK): the record has no appsflyer_id, so this event is not sent",
      }),
    );
  });

  it('builds the exact requests for the seed events of an Android device', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      seedEvents({ appsflyer_id: AF_ID, gaid: GAID, ip_address: '203.0.113.9' }),
    );
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, json: r.json })),
    ).toMatchInlineSnapshot(`
      [
        {
          "headers": {
            "authentication": "example-s2s-key-0123456789",
            "content-type": "application/json",
          },
          "json": {
            "advertising_id": "38400000-8cf0-11bd-b23e-10b96e40000d",
            "af_events_api": "true",
            "appsflyer_id": "1415211453000-6513894",
            "eventName": "consult_started",
            "eventTime": "2026-01-15 10:15:00.000",
            "eventValue": "{"af_order_id":"2025010100001111","oms_event_name":"consult_started","storefront":"bosley","session_id":"sess_123","utm_source":"facebook","utm_medium":"cpc","utm_campaign":"bosley_q1","affiliate":"bosleyaffiliate_0123"}",
            "ip": "203.0.113.9",
          },
          "method": "POST",
          "url": "https://api3.appsflyer.com/inappevent/id123456789",
        },
        {
          "headers": {
            "authentication": "example-s2s-key-0123456789",
            "content-type": "application/json",
          },
          "json": {
            "advertising_id": "38400000-8cf0-11bd-b23e-10b96e40000d",
            "af_events_api": "true",
            "appsflyer_id": "1415211453000-6513894",
            "eventName": "rx_issued",
            "eventTime": "2026-01-15 10:20:30.000",
            "eventValue": "{"af_order_id":"2025010100002222","oms_event_name":"rx_issued","storefront":"pfizer","session_id":"sess_789","utm_source":"google","utm_medium":"cpc","utm_campaign":"pfizer_q1","affiliate":"pfizeraffiliate_0123"}",
            "ip": "203.0.113.9",
          },
          "method": "POST",
          "url": "https://api3.appsflyer.com/inappevent/id123456789",
        },
        {
          "headers": {
            "authentication": "example-s2s-key-0123456789",
            "content-type": "application/json",
          },
          "json": {
            "advertising_id": "38400000-8cf0-11bd-b23e-10b96e40000d",
            "af_events_api": "true",
            "appsflyer_id": "1415211453000-6513894",
            "eventCurrency": "USD",
            "eventName": "af_purchase",
            "eventTime": "2026-01-15 10:25:00.000",
            "eventValue": "{"af_revenue":"80.79","af_currency":"USD","af_order_id":"2025020100003333","oms_event_name":"purchase_completed","storefront":"bosley","session_id":"sess_456","utm_source":"google","utm_medium":"organic","utm_campaign":"bosley_q1","affiliate":"bosleyaffiliate_0123"}",
            "ip": "203.0.113.9",
          },
          "method": "POST",
          "url": "https://api3.appsflyer.com/inappevent/id123456789",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase from an iOS device', async () => {
    const { requests } = await runAdapter(adapter, [
      fullPurchaseEvent({
        appsflyer_id: AF_ID,
        idfa: IDFA,
        idfv: 'AB12CD34-0000-4000-8000-1234567890AB',
        att: 'authorized',
        bundle_id: 'com.bosley.app',
        app_version: '3.2.1',
        os_version: '17.4',
      }),
    ]);
    expect(requests.map((r) => r.url)).toEqual(['https://api3.appsflyer.com/inappevent/id123456789']);
    expect(requests[0]!.json).toMatchInlineSnapshot(`
      {
        "af_events_api": "true",
        "app_version_name": "3.2.1",
        "appsflyer_id": "1415211453000-6513894",
        "att": 3,
        "bundleIdentifier": "com.bosley.app",
        "customer_user_id": "cust_42",
        "eventCurrency": "USD",
        "eventName": "af_purchase",
        "eventTime": "2026-01-15 11:30:00.000",
        "eventValue": "{"af_revenue":"129.5","af_price":[99.5,15],"af_currency":"USD","af_order_id":"ORD-1001","af_content_id":["SKU-1","SKU-2"],"af_quantity":[1,2],"oms_event_name":"purchase_completed","storefront":"bosley","session_id":"sess_full","utm_source":"google","utm_medium":"cpc","utm_campaign":"bosley_q1","affiliate":"bosleyaffiliate_0123"}",
        "idfa": "6D92078A-8246-4BA4-AE5B-76104861E7DC",
        "idfv": "AB12CD34-0000-4000-8000-1234567890AB",
        "ip": "203.0.113.7",
        "os": "17.4",
      }
    `);
    expect(richValueOf(requests[0])).toMatchInlineSnapshot(`
      {
        "af_content_id": [
          "SKU-1",
          "SKU-2",
        ],
        "af_currency": "USD",
        "af_order_id": "ORD-1001",
        "af_price": [
          99.5,
          15,
        ],
        "af_quantity": [
          1,
          2,
        ],
        "af_revenue": "129.5",
        "affiliate": "bosleyaffiliate_0123",
        "oms_event_name": "purchase_completed",
        "session_id": "sess_full",
        "storefront": "bosley",
        "utm_campaign": "bosley_q1",
        "utm_medium": "cpc",
        "utm_source": "google",
      }
    `);
    expect(Buffer.byteLength(requests[0]!.body)).toBeLessThanOrEqual(1024);
  });

  it('formats eventTime as UTC yyyy-MM-dd HH:mm:ss.SSS', () => {
    expect(eventTimeOf(new Date('2026-01-15T10:25:00.5+02:00'))).toBe('2026-01-15 08:25:00.500');
  });

  it('sends no email, phone or name, hashed or not: AppsFlyer attributes through device ids', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent({ appsflyer_id: AF_ID })]);
    const body = requests[0]!.body;
    const emailHash = hashEmail(' John.Doe@Example.COM ');
    expect(emailHash).toBe(sha256Hex('john.doe@example.com'));
    const passthrough = 'a'.repeat(64);
    const { requests: hashed } = await runAdapter(adapter, [
      fullPurchaseEvent({ appsflyer_id: AF_ID, email: passthrough }),
    ]);
    for (const value of ['john.doe', emailHash, sha256Hex('+15551234567'), '5551234567', 'Doe']) {
      expect(body).not.toContain(value);
    }
    expect(hashed[0]!.body).not.toContain(passthrough);
  });

  it('puts revenue in af_revenue only on af_purchase; other events carry their value as af_price', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, { appsflyer_id: AF_ID }),
      sampleEvent('checkout_started', 2, { appsflyer_id: AF_ID }),
      sampleEvent('consult_started', 3, { appsflyer_id: AF_ID, order_revenue: undefined }),
    ]);
    expect(richValueOf(requests[0])).toMatchObject({ af_revenue: '11', af_currency: 'USD' });
    expect(richValueOf(requests[0])).not.toHaveProperty('af_price');
    expect(richValueOf(requests[1])).toMatchObject({ af_price: 12, af_currency: 'USD' });
    expect(richValueOf(requests[1])).not.toHaveProperty('af_revenue');
    expect(richValueOf(requests[2])).not.toHaveProperty('af_revenue');
    expect(richValueOf(requests[2])).not.toHaveProperty('af_currency');
    expect(bodyOf(requests[2])).not.toHaveProperty('eventCurrency');
    expect(bodyOf(requests[0])['eventCurrency']).toBe('USD');
  });

  it('reads device ids from their record keys, first present key wins', async () => {
    const ids = async (extra: Record<string, unknown>) => {
      const { requests } = await runAdapter(adapter, [
        sampleEvent('lead', 1, { appsflyer_id: AF_ID, ...extra }),
      ]);
      const { idfa, idfv, advertising_id, oaid, amazon_aid } = bodyOf(requests[0]);
      return JSON.parse(JSON.stringify({ idfa, idfv, advertising_id, oaid, amazon_aid }));
    };
    expect(await ids({ advertising_id: 'g-1', aaid: 'g-2' })).toEqual({ advertising_id: 'g-1' });
    expect(await ids({ aaid: 'g-2', oaid: 'o-1', fire_adid: 'f-1' })).toEqual({
      advertising_id: 'g-2',
      oaid: 'o-1',
      amazon_aid: 'f-1',
    });
    expect(await ids({ idfa: IDFA, idfv: 'v-1' })).toEqual({ idfa: IDFA, idfv: 'v-1' });
    expect(await ids({})).toEqual({});
  });

  it('sends att as the 0-3 status from a number or a status name, and leaves unknown values out', async () => {
    const att = async (value: unknown) => {
      const { requests } = await runAdapter(adapter, [
        sampleEvent('lead', 1, { appsflyer_id: AF_ID, idfa: IDFA, att: value }),
      ]);
      return bodyOf(requests[0])['att'];
    };
    expect(await att('authorized')).toBe(3);
    expect(await att('denied')).toBe(2);
    expect(await att('restricted')).toBe(1);
    expect(await att('notDetermined')).toBe(0);
    expect(await att(3)).toBe(3);
    expect(await att('yes')).toBeUndefined();
  });

  it('reads the AppsFlyer id from options.appsflyer_id_key', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [sampleEvent('purchase_completed', 1, { af_uid: AF_ID })],
      { options: { appsflyer_id_key: 'af_uid' } },
    );
    expect(results[0]!.outcome.status).toBe('delivered');
    expect(bodyOf(requests[0])['appsflyer_id']).toBe(AF_ID);
    const { results: missing } = await runAdapter(adapter, [sampleEvent('purchase_completed', 1)], {
      options: { appsflyer_id_key: 'af_uid' },
    });
    expect(missing[0]!.outcome).toMatchObject({ status: 'rejected', code: 'missing_appsflyer_id' });
    expect((missing[0]!.outcome as { reason: string }).reason).toContain('no af_uid');
  });

  it('trims Relay context, then the item lists, before refusing a purchase over 1 KB: revenue is kept', async () => {
    // 26 items make 1061 bytes with Relay's context: over AppsFlyer's 1 KB by a little.
    const items = Array.from({ length: 26 }, (_, i) => ({ id: `SKU-${1000 + i}`, price: 9.99, quantity: 1 }));
    const { requests, results } = await runAdapter(adapter, [
      fullPurchaseEvent({ appsflyer_id: AF_ID, items }),
    ]);
    expect(results[0]!.outcome.status).toBe('delivered');
    expect(Buffer.byteLength(requests[0]!.body)).toBeLessThanOrEqual(1024);
    const rich = richValueOf(requests[0]);
    expect(rich).toMatchObject({ af_revenue: '129.5', af_currency: 'USD', af_order_id: 'ORD-1001' });
    expect(rich['af_content_id']).toHaveLength(26);
    expect(rich).not.toHaveProperty('affiliate');
    expect(rich).toMatchObject({ oms_event_name: 'purchase_completed', storefront: 'bosley' });

    const forty = Array.from({ length: 40 }, (_, i) => ({ id: `SKU-${1000 + i}`, price: 9.99, quantity: 1 }));
    const { requests: big } = await runAdapter(adapter, [
      fullPurchaseEvent({ appsflyer_id: AF_ID, items: forty }),
    ]);
    expect(Buffer.byteLength(big[0]!.body)).toBeLessThanOrEqual(1024);
    expect(Object.keys(richValueOf(big[0])).sort()).toEqual(['af_currency', 'af_order_id', 'af_revenue']);
  });

  it('rejects an event still over 1 KB once trimmed, before sending', async () => {
    const { requests, results } = await runAdapter(adapter, [
      fullPurchaseEvent({ appsflyer_id: AF_ID, order_id: 'O'.repeat(1100) }),
    ]);
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toMatchObject({ status: 'rejected', code: 'payload_too_large' });
    expect((results[0]!.outcome as { reason: string }).reason).toMatch(
      /^AppsFlyer takes S2S event payloads up to 1024 bytes; this event makes \d+ bytes even without Relay's context and item lists/,
    );
  });

  it('sends the IP only when it is IPv4: the API 3 schema takes a dotted quad', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, { appsflyer_id: AF_ID, ip_address: '2001:db8::1' }),
      sampleEvent('purchase_completed', 2, { appsflyer_id: AF_ID, ip_address: '203.0.113.7' }),
    ]);
    expect(requests.map((r) => bodyOf(r)['ip'])).toEqual([undefined, '203.0.113.7']);
  });

  it('maps the canonical events to AppsFlyer recommended names and passes the others through', async () => {
    const events = CANONICAL_EVENTS.map((name, i) => sampleEvent(name, i + 1, { appsflyer_id: AF_ID }));
    const { requests } = await runAdapter(adapter, events);
    expect(requests.map((r) => bodyOf(r)['eventName'])).toEqual([
      'af_purchase',
      'af_initiated_checkout',
      'af_initiated_checkout',
      'af_add_to_cart',
      'lead',
      'consult_completed',
      'af_complete_registration',
      'af_complete_registration',
      'page_view',
      'consult_started',
      'rx_issued',
    ]);
  });

  it('refuses an iOS app id without the id prefix and a missing key, naming the field', async () => {
    const event = [sampleEvent('lead', 1, { appsflyer_id: AF_ID })];
    await expect(
      runAdapter(adapter, event, {
        credentials: { app_id: '123456789', s2s_key: 'example-s2s-key-0123456789' },
      }),
    ).rejects.toThrow(/app_id of an iOS app needs the id prefix/);
    await expect(runAdapter(adapter, event, { credentials: { app_id: 'com.bosley.app' } })).rejects.toThrow(
      /s2s_key/,
    );
    const { requests } = await runAdapter(adapter, event, {
      credentials: { app_id: 'com.bosley.app', s2s_key: 'example-s2s-key-0123456789' },
    });
    expect(requests[0]!.url).toBe('https://api3.appsflyer.com/inappevent/com.bosley.app');
  });
});

describe('appsflyer refunds', () => {
  it('skips refunds by default, and sends a negative af_revenue when the credential maps them to an event', async () => {
    const refund = sampleEvent('order_refunded', 1, { appsflyer_id: AF_ID, order_revenue: 20 });
    const skipped = await runAdapter(adapter, [refund]);
    expect(skipped.requests).toEqual([]);
    expect(skipped.results[0]!.outcome.status).toBe('skipped');
    const { requests } = await runAdapter(adapter, [refund], {
      options: { eventMap: { order_refunded: 'cancel_purchase' } },
    });
    expect(bodyOf(requests[0])['eventName']).toBe('cancel_purchase');
    expect(richValueOf(requests[0])).toMatchObject({
      af_revenue: '-20',
      af_currency: 'USD',
      af_order_id: 'ORD-0001',
    });
  });
});

describe('appsflyer responses', () => {
  it('200 is delivered', () => {
    expect(parse({ status: 200, headers: {}, body: 'ok', json: undefined }, mappedEvents(1), NOW)).toEqual([
      { status: 'delivered' },
    ]);
  });

  it('401 and 403 need attention: the S2S key is refused, nothing to refresh', () => {
    for (const status of [401, 403]) {
      expect(
        parse({ status, headers: {}, body: 'Unauthorized', json: undefined }, mappedEvents(1), NOW),
      ).toEqual([
        {
          status: 'auth',
          kind: 'needs-attention',
          reason: `AppsFlyer refused the S2S key (${status}); set s2s_key to the S2S token of AppsFlyer's Security center (a dev key is refused by api3) and check app_id: Unauthorized`,
        },
      ]);
    }
  });

  it('400 Failed to Authenticate or app_id mismatch needs attention: the credential is wrong, not the event', () => {
    const text = (body: string) => ({ status: 400, headers: {}, body, json: undefined });
    expect(
      [
        text('Failed to Authenticate'),
        jsonResponse(400, { message: 'Failed to Authenticate' }),
        text("app_id doesn't match the authentication token"),
      ].map((response) => parse(response, mappedEvents(1), NOW)[0]),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          "AppsFlyer refused the credential (400); set s2s_key to the S2S token of AppsFlyer's Security center and app_id to the app it belongs to: Failed to Authenticate",
      },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          "AppsFlyer refused the credential (400); set s2s_key to the S2S token of AppsFlyer's Security center and app_id to the app it belongs to: Failed to Authenticate",
      },
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          "AppsFlyer refused the credential (400); set s2s_key to the S2S token of AppsFlyer's Security center and app_id to the app it belongs to: app_id doesn't match the authentication token",
      },
    ]);
  });

  it("other answers follow core's table with AppsFlyer's message: 400 rejected, 429 and 5xx retried", () => {
    expect(parse(jsonResponse(400, { message: 'eventName is missing' }), mappedEvents(1), NOW)).toEqual([
      {
        status: 'rejected',
        code: 'http_400',
        reason: 'AppsFlyer rejected the request (400): eventName is missing',
      },
    ]);
    expect(
      parse({ status: 400, headers: {}, body: 'Bad Request', json: undefined }, mappedEvents(1), NOW),
    ).toEqual([
      { status: 'rejected', code: 'http_400', reason: 'AppsFlyer rejected the request (400): Bad Request' },
    ]);
    expect(
      parse(
        { status: 429, headers: { 'retry-after': '5' }, body: '', json: undefined },
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([{ status: 'retryable', reason: 'AppsFlyer answered 429: HTTP 429', retryAfterMs: 5000 }]);
    expect(parse(jsonResponse(503, { errors: ['service unavailable'] }), mappedEvents(1), NOW)).toEqual([
      { status: 'retryable', reason: 'AppsFlyer answered 503: service unavailable' },
    ]);
  });
});
