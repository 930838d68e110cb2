import { CANONICAL_EVENTS, hashEmail, sha256Hex } from '@relay/core';
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

const IDFA = '6D92078A-8246-4BA4-AE5B-76104861E7DC';
const GAID = '38400000-8cf0-11bd-b23e-10b96e40000d';
const NOW = new Date('2026-01-15T12:00:00Z');
const OK = { status: 200, body: { status: 'ok' } };

testAdapterConformance(adapter, { record: { aifa: GAID, os_version: '14' }, success: () => OK });

const queryOf = (request: { url: string } | undefined) =>
  Object.fromEntries(new URL(request!.url).searchParams.entries());

describe('singular requests', () => {
  it('skips the bare seed events: no device id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        'no iOS or Android device id (record key idfa, idfv, aifa, andi, asid or oaid): Singular attributes app events to a device, so this event is not sent',
    });
  });

  it('builds the exact requests for the seed events from an Android device', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      seedEvents({ aifa: GAID, andi: 'a1b2c3d4e5f60718', ip_address: '203.0.113.9', os_version: '14' }),
      { respond: () => OK },
    );
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, body: r.body, query: queryOf(r) })),
    ).toMatchInlineSnapshot(`
      [
        {
          "body": "",
          "method": "GET",
          "query": {
            "a": "example_org_sh868sdjv",
            "aifa": "38400000-8cf0-11bd-b23e-10b96e40000d",
            "andi": "a1b2c3d4e5f60718",
            "e": "{"order_id":"2025010100001111","oms_event_name":"consult_started","storefront":"bosley","session_id":"sess_123","utm_source":"facebook","utm_medium":"cpc","utm_campaign":"bosley_q1","affiliate":"bosleyaffiliate_0123"}",
            "i": "com.example.app",
            "ip": "203.0.113.9",
            "n": "consult_started",
            "p": "Android",
            "utime": "1768472100",
            "ve": "14",
          },
        },
        {
          "body": "",
          "method": "GET",
          "query": {
            "a": "example_org_sh868sdjv",
            "aifa": "38400000-8cf0-11bd-b23e-10b96e40000d",
            "andi": "a1b2c3d4e5f60718",
            "e": "{"order_id":"2025010100002222","oms_event_name":"rx_issued","storefront":"pfizer","session_id":"sess_789","utm_source":"google","utm_medium":"cpc","utm_campaign":"pfizer_q1","affiliate":"pfizeraffiliate_0123"}",
            "i": "com.example.app",
            "ip": "203.0.113.9",
            "n": "rx_issued",
            "p": "Android",
            "utime": "1768472430",
            "ve": "14",
          },
        },
        {
          "body": "",
          "method": "GET",
          "query": {
            "a": "example_org_sh868sdjv",
            "aifa": "38400000-8cf0-11bd-b23e-10b96e40000d",
            "amt": "80.79",
            "andi": "a1b2c3d4e5f60718",
            "cur": "USD",
            "e": "{"order_id":"2025020100003333","oms_event_name":"purchase_completed","storefront":"bosley","session_id":"sess_456","utm_source":"google","utm_medium":"organic","utm_campaign":"bosley_q1","affiliate":"bosleyaffiliate_0123"}",
            "i": "com.example.app",
            "ip": "203.0.113.9",
            "is_revenue_event": "true",
            "n": "sng_ecommerce_purchase",
            "p": "Android",
            "utime": "1768472700",
            "ve": "14",
          },
        },
      ]
    `);
    expect(requests[2]!.url).toMatch(
      /^https:\/\/s2s\.singular\.net\/api\/v1\/evt\?a=example_org_sh868sdjv&p=Android&/,
    );
  });

  it('builds the exact query for a fully populated purchase from an iOS device', async () => {
    const { requests } = await runAdapter(adapter, [
      fullPurchaseEvent({
        idfa: IDFA,
        idfv: 'AB12CD34-0000-4000-8000-1234567890AB',
        os: 'iOS',
        os_version: '17.4',
      }),
    ]);
    expect(queryOf(requests[0])).toMatchInlineSnapshot(`
      {
        "a": "example_org_sh868sdjv",
        "amt": "129.5",
        "cur": "USD",
        "custom_user_id": "cust_42",
        "e": "{"order_id":"ORD-1001","oms_event_name":"purchase_completed","storefront":"bosley","session_id":"sess_full","utm_source":"google","utm_medium":"cpc","utm_campaign":"bosley_q1","affiliate":"bosleyaffiliate_0123"}",
        "i": "com.example.app",
        "idfa": "6D92078A-8246-4BA4-AE5B-76104861E7DC",
        "idfv": "AB12CD34-0000-4000-8000-1234567890AB",
        "ip": "203.0.113.7",
        "is_revenue_event": "true",
        "n": "sng_ecommerce_purchase",
        "p": "iOS",
        "utime": "1768476600",
        "ve": "17.4",
      }
    `);
  });

  it('sends no email, phone or name, hashed or not: Singular takes device ids', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent({ idfa: IDFA, os_version: '17.4' })]);
    const url = decodeURIComponent(requests[0]!.url);
    const emailHash = hashEmail(' John.Doe@Example.COM ');
    expect(emailHash).toBe(sha256Hex('john.doe@example.com'));
    for (const value of ['john.doe', emailHash, sha256Hex('+15551234567'), '5551234567', 'Doe']) {
      expect(url).not.toContain(value);
    }
  });

  it('sends only the device ids of the platform', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, { os: 'android', aifa: GAID, idfa: IDFA, os_version: '14' }),
    ]);
    const query = queryOf(requests[0]);
    expect(query).toMatchObject({ p: 'Android', aifa: GAID, i: 'com.example.app' });
    expect(query).not.toHaveProperty('idfa');
  });

  it('rejects events missing what Singular requires: app id, IPv4 address, OS version', async () => {
    const run = async (extra: Record<string, unknown>, credentials?: Record<string, unknown>) =>
      (
        await runAdapter(
          adapter,
          [sampleEvent('purchase_completed', 1, { idfa: IDFA, os_version: '17.4', ...extra })],
          {
            ...(credentials ? { credentials } : {}),
          },
        )
      ).results[0]!.outcome;
    expect(
      await run({}, { sdk_key: 'example_org_sh868sdjv', android_package_name: 'com.example.app' }),
    ).toEqual({
      status: 'rejected',
      code: 'missing_user_data',
      reason: 'Singular requires the app id (i) of iOS events: set ios_bundle_id in the credential',
    });
    expect(await run({ ip_address: '2001:db8::1' })).toEqual({
      status: 'rejected',
      code: 'missing_user_data',
      reason: 'Singular requires the device IPv4 address (ip): the record has none',
    });
    expect(await run({ os_version: undefined })).toEqual({
      status: 'rejected',
      code: 'missing_user_data',
      reason: 'Singular requires the OS version (ve): the record has no os_version',
    });
  });

  it('maps the canonical events to Singular standard names and passes the others through, revenue only with a value', async () => {
    const events = CANONICAL_EVENTS.map((name, i) =>
      sampleEvent(name, i + 1, { aifa: GAID, os_version: '14' }),
    );
    const { requests } = await runAdapter(adapter, [
      ...events,
      sampleEvent('lead', 99, { aifa: GAID, os_version: '14', order_revenue: undefined }),
    ]);
    expect(requests.map((r) => queryOf(r)['n'])).toEqual([
      'sng_ecommerce_purchase',
      'sng_checkout_initiated',
      'sng_checkout_initiated',
      'sng_add_to_cart',
      'lead',
      'consult_completed',
      'sng_complete_registration',
      'sng_complete_registration',
      'sng_content_view',
      'consult_started',
      'rx_issued',
      'lead',
    ]);
    const last = queryOf(requests.at(-1));
    expect(last).not.toHaveProperty('amt');
    expect(last).not.toHaveProperty('is_revenue_event');
  });
});

describe('singular revenue', () => {
  it('flags only purchases as revenue events; the value of other events goes in e', async () => {
    const extra = { aifa: GAID, os_version: '14' };
    const { requests } = await runAdapter(adapter, [
      sampleEvent('add_to_cart', 1, extra),
      sampleEvent('checkout_started', 2, extra),
      sampleEvent('page_view', 3, extra),
      sampleEvent('purchase_completed', 4, extra),
    ]);
    expect(
      requests.map((r) => {
        const q = queryOf(r);
        const e = JSON.parse(q['e']!) as Record<string, unknown>;
        return [q['n'], q['amt'], q['cur'], q['is_revenue_event'], e['value'], e['currency']];
      }),
    ).toEqual([
      ['sng_add_to_cart', undefined, undefined, undefined, 11, 'USD'],
      ['sng_checkout_initiated', undefined, undefined, undefined, 12, 'USD'],
      ['sng_content_view', undefined, undefined, undefined, 13, 'USD'],
      ['sng_ecommerce_purchase', '14', 'USD', 'true', undefined, undefined],
    ]);
  });
});

describe('singular EVENT v2 (Singular Device ID)', () => {
  const SDID = '49c2d3a6-326e-4ec5-a16b-0a47e34ed953';

  it('sends an event with an sdid to /api/v2/evt matched on sdid only, without advertising ids', async () => {
    const { requests } = await runAdapter(
      adapter,
      [sampleEvent('purchase_completed', 1, { sdid: SDID, idfa: IDFA, os: 'ios', os_version: '18.1' })],
      { credentials: { sdk_key: 'example_sdk_key_1234', ios_bundle_id: 'com.example.app' } },
    );
    const url = new URL(requests[0]!.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://s2s.singular.net/api/v2/evt');
    expect(queryOf(requests[0])).toEqual({
      a: 'example_sdk_key_1234',
      p: 'iOS',
      i: 'com.example.app',
      ip: '203.0.113.7',
      ve: '18.1',
      sdid: SDID,
      n: 'sng_ecommerce_purchase',
      utime: '1768474800',
      custom_user_id: 'cust_1',
      amt: '11',
      cur: 'USD',
      is_revenue_event: 'true',
      e: JSON.stringify({
        order_id: 'ORD-0001',
        oms_event_name: 'purchase_completed',
        storefront: 'bosley',
      }),
    });
  });

  it('with event_api v2, skips events without an sdid; with v1, ignores the sdid', async () => {
    const credentials = { sdk_key: 'example_sdk_key_1234', android_package_name: 'com.example.app' };
    const v2 = await runAdapter(
      adapter,
      [sampleEvent('purchase_completed', 1, { aifa: GAID, os_version: '14' })],
      {
        credentials,
        options: { event_api: 'v2' },
      },
    );
    expect(v2.requests).toEqual([]);
    expect(v2.results[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        "no Singular Device ID (record key sdid or singular_device_id): Singular's v2 EVENT endpoint matches events on it, so this event is not sent",
    });
    const v1 = await runAdapter(
      adapter,
      [sampleEvent('purchase_completed', 1, { aifa: GAID, sdid: SDID, os_version: '14' })],
      { credentials, options: { event_api: 'v1' } },
    );
    expect(new URL(v1.requests[0]!.url).pathname).toBe('/api/v1/evt');
    expect(queryOf(v1.requests[0])).not.toHaveProperty('sdid');
    expect(queryOf(v1.requests[0])['aifa']).toBe(GAID);
  });

  it('rejects a v2 event whose platform is unknown', async () => {
    const { results } = await runAdapter(adapter, [sampleEvent('lead', 1, { sdid: SDID, os_version: '14' })]);
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_user_data',
      reason: 'Singular requires the platform (p): the record has no os (ios or android)',
    });
  });
});

describe('singular responses', () => {
  it('200 {"status":"ok"} is delivered', () => {
    expect(parseResponse(jsonResponse(200, { status: 'ok' }), mappedEvents(1), NOW)).toEqual({
      status: 'delivered',
    });
  });

  it('200 {"status":"error"} is rejected singular_error with the reason', () => {
    expect(
      parseResponse(jsonResponse(200, { status: 'error', reason: 'Invalid Platform' }), mappedEvents(1), NOW),
    ).toEqual({
      status: 'rejected',
      code: 'singular_error',
      reason: 'Singular refused the event: Invalid Platform',
    });
  });

  it('401 and 403 need attention: check the SDK key', () => {
    for (const status of [401, 403]) {
      expect(
        parseResponse(jsonResponse(status, { status: 'error', reason: 'Bad key' }), mappedEvents(1), NOW),
      ).toEqual({
        status: 'auth',
        kind: 'needs-attention',
        reason: `Singular refused the request (${status}); check sdk_key: Bad key`,
      });
    }
  });

  it('any other status is retried, as Singular documents, honouring Retry-After', () => {
    expect(parseResponse(jsonResponse(400, {}), mappedEvents(1), NOW)).toEqual({
      status: 'retryable',
      reason: 'Singular answered a 4xx status, which Singular says to retry: HTTP 400',
    });
    expect(
      parseResponse(
        { status: 429, headers: { 'retry-after': '7' }, body: '', json: undefined },
        mappedEvents(1),
        NOW,
      ),
    ).toEqual({ status: 'retryable', reason: 'Singular answered 429: HTTP 429', retryAfterMs: 7000 });
  });
});
