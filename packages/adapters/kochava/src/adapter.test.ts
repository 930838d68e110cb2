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
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

const IDFA = '6D92078A-8246-4BA4-AE5B-76104861E7DC';
const ADID = '38400000-8cf0-11bd-b23e-10b96e40000d';
const NOW = new Date('2026-01-15T12:00:00Z');

testAdapterConformance(adapter, {
  record: { adid: ADID },
  success: () => ({ status: 200, body: { success: '1' } }),
});

type Body = { data: Record<string, unknown> };
const dataOf = (request: { json: unknown } | undefined) => (request!.json as Body).data;

describe('kochava requests', () => {
  it('skips the bare seed events: no device id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array(3).fill({
        status: 'skipped',
        reason:
          'no device id (record key idfa, idfv, adid/aaid or android_id): Kochava attributes app events to a device, so this event is not sent',
      }),
    );
  });

  it('rejects the seed events with a device id but no IP address: origination_ip is required', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents({ adid: ADID }));
    expect(requests).toEqual([]);
    expect(results[2]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_user_data',
      reason:
        'Kochava requires origination_ip (the device IP address): the record has no ip_address or client_ip',
    });
  });

  it('builds the exact bodies for the seed events from an Android device', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      seedEvents({ aaid: ADID, ip_address: '203.0.113.9', kochava_device_id: 'KA5d1c0f2e9b7a' }),
    );
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, json: r.json })),
    ).toMatchInlineSnapshot(`
      [
        {
          "headers": {
            "content-type": "application/json",
          },
          "json": {
            "action": "event",
            "data": {
              "currency": "USD",
              "device_ids": {
                "adid": "38400000-8cf0-11bd-b23e-10b96e40000d",
              },
              "device_ua": "",
              "device_ver": "",
              "event_data": {
                "affiliate": "bosleyaffiliate_0123",
                "oms_event_name": "consult_started",
                "order_id": "2025010100001111",
                "session_id": "sess_123",
                "storefront": "bosley",
                "utm_campaign": "bosley_q1",
                "utm_medium": "cpc",
                "utm_source": "facebook",
              },
              "event_name": "consult_started",
              "origination_ip": "203.0.113.9",
              "usertime": 1768472100,
            },
            "kochava_app_id": "koexample-app-5f1b2c3d4e",
            "kochava_device_id": "KA5d1c0f2e9b7a",
          },
          "method": "POST",
          "url": "https://control.kochava.com/track/json",
        },
        {
          "headers": {
            "content-type": "application/json",
          },
          "json": {
            "action": "event",
            "data": {
              "currency": "USD",
              "device_ids": {
                "adid": "38400000-8cf0-11bd-b23e-10b96e40000d",
              },
              "device_ua": "",
              "device_ver": "",
              "event_data": {
                "affiliate": "pfizeraffiliate_0123",
                "oms_event_name": "rx_issued",
                "order_id": "2025010100002222",
                "session_id": "sess_789",
                "storefront": "pfizer",
                "utm_campaign": "pfizer_q1",
                "utm_medium": "cpc",
                "utm_source": "google",
              },
              "event_name": "rx_issued",
              "origination_ip": "203.0.113.9",
              "usertime": 1768472430,
            },
            "kochava_app_id": "koexample-app-5f1b2c3d4e",
            "kochava_device_id": "KA5d1c0f2e9b7a",
          },
          "method": "POST",
          "url": "https://control.kochava.com/track/json",
        },
        {
          "headers": {
            "content-type": "application/json",
          },
          "json": {
            "action": "event",
            "data": {
              "currency": "USD",
              "device_ids": {
                "adid": "38400000-8cf0-11bd-b23e-10b96e40000d",
              },
              "device_ua": "",
              "device_ver": "",
              "event_data": {
                "affiliate": "bosleyaffiliate_0123",
                "currency": "USD",
                "oms_event_name": "purchase_completed",
                "order_id": "2025020100003333",
                "price": 80.79,
                "session_id": "sess_456",
                "storefront": "bosley",
                "utm_campaign": "bosley_q1",
                "utm_medium": "organic",
                "utm_source": "google",
              },
              "event_name": "Purchase",
              "origination_ip": "203.0.113.9",
              "usertime": 1768472700,
            },
            "kochava_app_id": "koexample-app-5f1b2c3d4e",
            "kochava_device_id": "KA5d1c0f2e9b7a",
          },
          "method": "POST",
          "url": "https://control.kochava.com/track/json",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase from an iOS device', async () => {
    const { requests } = await runAdapter(adapter, [
      fullPurchaseEvent({
        idfa: IDFA,
        idfv: 'AB12CD34-0000-4000-8000-1234567890AB',
        device_model: 'iPhone15,2',
        os: 'iOS',
        os_version: '17.4',
        app_version: '3.2.1',
      }),
    ]);
    expect(requests.map((r) => r.url)).toEqual(['https://control.kochava.com/track/json']);
    expect(requests[0]!.json).toMatchInlineSnapshot(`
      {
        "action": "event",
        "data": {
          "app_tracking_transparency": {
            "att": true,
          },
          "app_version": "3.2.1",
          "currency": "USD",
          "device_ids": {
            "idfa": "6D92078A-8246-4BA4-AE5B-76104861E7DC",
            "idfv": "AB12CD34-0000-4000-8000-1234567890AB",
          },
          "device_ua": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
          "device_ver": "iPhone15,2-iOS-17.4",
          "event_data": {
            "affiliate": "bosleyaffiliate_0123",
            "currency": "USD",
            "oms_event_name": "purchase_completed",
            "order_id": "ORD-1001",
            "price": 129.5,
            "session_id": "sess_full",
            "storefront": "bosley",
            "utm_campaign": "bosley_q1",
            "utm_medium": "cpc",
            "utm_source": "google",
          },
          "event_name": "Purchase",
          "origination_ip": "203.0.113.7",
          "usertime": 1768476600,
        },
        "kochava_app_id": "koexample-app-5f1b2c3d4e",
        "kochava_device_id": "",
      }
    `);
  });

  it('sends no email, phone or name, hashed or not: Kochava takes device ids only', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent({ idfa: IDFA })]);
    const body = requests[0]!.body;
    const emailHash = hashEmail(' John.Doe@Example.COM ');
    expect(emailHash).toBe(sha256Hex('john.doe@example.com'));
    for (const value of ['john.doe', emailHash, sha256Hex('+15551234567'), '5551234567', 'Doe', 'cust_42']) {
      expect(body).not.toContain(value);
    }
  });

  it('reads the ATT answer from the record key att, else infers it from an IDFA', async () => {
    const att = async (extra: Record<string, unknown>) => {
      const { requests } = await runAdapter(adapter, [sampleEvent('purchase_completed', 1, extra)]);
      return dataOf(requests[0])['app_tracking_transparency'];
    };
    expect(await att({ idfa: IDFA })).toEqual({ att: true });
    expect(await att({ idfv: 'v-1', att: 'denied' })).toEqual({ att: false });
    expect(await att({ idfa: IDFA, att: false })).toEqual({ att: false });
    expect(await att({ idfv: 'v-1', att: 'authorized' })).toEqual({ att: true });
    expect(await att({ adid: ADID })).toBeUndefined();
  });

  it('sends device_ver only when model, os and version are all known, else an empty string', async () => {
    const ver = async (extra: Record<string, unknown>) => {
      const { requests } = await runAdapter(adapter, [
        sampleEvent('purchase_completed', 1, { adid: ADID, ...extra }),
      ]);
      return dataOf(requests[0])['device_ver'];
    };
    expect(await ver({ device_model: 'Pixel_8', os: 'Android', os_version: '14' })).toBe(
      'Pixel_8-Android-14',
    );
    expect(await ver({ os: 'Android', os_version: '14' })).toBe('');
  });

  it('maps the canonical events to Kochava standard names and passes the others through', async () => {
    const events = CANONICAL_EVENTS.map((name, i) => sampleEvent(name, i + 1, { adid: ADID }));
    const { requests } = await runAdapter(adapter, events);
    expect(requests.map((r) => dataOf(r)['event_name'])).toEqual([
      'Purchase',
      'Checkout Start',
      'Checkout Start',
      'Add to Cart',
      'lead',
      'consult_completed',
      'Registration Complete',
      'Registration Complete',
      'page_view',
      'consult_started',
      'rx_issued',
    ]);
  });

  it('sends price (revenue) only for purchases; the value of other events is value', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('add_to_cart', 1, { adid: ADID }),
      sampleEvent('purchase_completed', 2, { adid: ADID }),
    ]);
    expect(
      requests.map((r) => {
        const eventData = dataOf(r)['event_data'] as Record<string, unknown>;
        return [eventData['price'], eventData['value'], eventData['currency']];
      }),
    ).toEqual([
      [undefined, 11, 'USD'],
      [12, undefined, 'USD'],
    ]);
  });

  it('leaves price and its currency out of event_data without a value', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('signup', 1, { adid: ADID, order_revenue: undefined }),
    ]);
    const eventData = dataOf(requests[0])['event_data'];
    expect(eventData).not.toHaveProperty('price');
    expect(eventData).not.toHaveProperty('currency');
    expect(eventData).toMatchObject({ order_id: 'ORD-0001' });
  });

  it('refuses an app id that is not a Kochava App GUID, naming the field', async () => {
    await expect(
      runAdapter(adapter, [sampleEvent('lead', 1, { adid: ADID })], {
        credentials: { kochava_app_id: 'my app' },
      }),
    ).rejects.toThrow(/kochava_app_id/);
  });
});

describe('kochava responses', () => {
  it('200 is delivered', () => {
    expect(parse(jsonResponse(200, { success: '1' }), mappedEvents(1), NOW)).toEqual([
      { status: 'delivered' },
    ]);
    expect(parse({ status: 200, headers: {}, body: '', json: undefined }, mappedEvents(1), NOW)).toEqual([
      { status: 'delivered' },
    ]);
  });

  it('200 with success "0" is rejected kochava_error with the message', () => {
    expect(
      parse(jsonResponse(200, { success: '0', error: 'invalid kochava_app_id' }), mappedEvents(1), NOW),
    ).toEqual([
      {
        status: 'rejected',
        code: 'kochava_error',
        reason: 'Kochava did not record the event: invalid kochava_app_id',
      },
    ]);
    expect(parse(jsonResponse(200, { success: false }), mappedEvents(1), NOW)).toEqual([
      { status: 'rejected', code: 'kochava_error', reason: 'Kochava did not record the event: HTTP 200' },
    ]);
  });

  it('401 and 403 need attention: there is no credential to refresh', () => {
    for (const status of [401, 403]) {
      expect(parse(jsonResponse(status, { message: 'Forbidden' }), mappedEvents(1), NOW)).toEqual([
        {
          status: 'auth',
          kind: 'needs-attention',
          reason: `Kochava refused the request (${status}); check kochava_app_id: Forbidden`,
        },
      ]);
    }
  });

  it("other answers follow core's table with Kochava's message: 400 rejected, 429 and 5xx retried", () => {
    expect(parse(jsonResponse(400, { error: 'Malformed JSON' }), mappedEvents(1), NOW)).toEqual([
      { status: 'rejected', code: 'http_400', reason: 'Kochava rejected the request (400): Malformed JSON' },
    ]);
    expect(
      parse(
        { status: 429, headers: { 'retry-after': '5' }, body: '', json: undefined },
        mappedEvents(1),
        NOW,
      ),
    ).toEqual([{ status: 'retryable', reason: 'Kochava answered 429: HTTP 429', retryAfterMs: 5000 }]);
    expect(parse({ status: 503, headers: {}, body: 'down', json: undefined }, mappedEvents(1), NOW)).toEqual([
      { status: 'retryable', reason: 'Kochava answered 503: down' },
    ]);
  });
});
