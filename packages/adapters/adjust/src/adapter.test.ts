import { CANONICAL_EVENTS, eventKind, hashEmail, sha256Hex } from '@relay/core';
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

const GAID = '660e1d86-6796-463a-be86-897993136018';
const IDFA = 'D2CADB5F-410F-4963-AC0C-2A78534BDF1E';
const NOW = new Date('2026-01-15T12:00:00Z');
const CREDENTIALS = {
  app_token: '4w565xzmb54d',
  event_tokens: { purchase: 'f0ob4r', consult_started: 'c0n5lt', rx_issued: 'rx1ssd' },
};

testAdapterConformance(adapter, { record: { gps_adid: GAID } });

const paramsOf = (request: { body: string } | undefined) =>
  Object.fromEntries(new URLSearchParams(request!.body));

const failed = (status: number, message: string) =>
  jsonResponse(status, { error: `Event request failed (${message})` });

/** The canonical events this platform takes (refunds are skipped by core: it declares no refund mapping). */
const SENT_EVENTS = CANONICAL_EVENTS.filter((name) => eventKind(name) !== 'refund');

describe('adjust requests', () => {
  it('rejects the bare seed events before sending: Adjust requires a device id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents(), { credentials: CREDENTIALS });
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array(3).fill({
        status: 'rejected',
        code: 'missing_device_id',
        reason:
          'Adjust requires a device id: the record has none of idfa, gps_adid, gaid, advertising_id, aaid, adid, fire_adid, amazon_aid, oaid, web_uuid, idfv, android_id, adjust_adid, adjust_device_id',
      }),
    );
  });

  it('builds the exact requests for the seed events of an Android device (no S2S Security)', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      seedEvents({ gps_adid: GAID, ip_address: '203.0.113.9' }),
      { credentials: CREDENTIALS },
    );
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, body: r.body })),
    ).toMatchInlineSnapshot(`
      [
        {
          "body": "s2s=1&app_token=4w565xzmb54d&event_token=c0n5lt&environment=production&gps_adid=660e1d86-6796-463a-be86-897993136018&created_at_unix=1768472100&ip_address=203.0.113.9&callback_params=%7B%22order_id%22%3A%222025010100001111%22%2C%22oms_event_name%22%3A%22consult_started%22%2C%22storefront%22%3A%22bosley%22%2C%22session_id%22%3A%22sess_123%22%2C%22utm_source%22%3A%22facebook%22%2C%22utm_medium%22%3A%22cpc%22%2C%22utm_campaign%22%3A%22bosley_q1%22%2C%22affiliate%22%3A%22bosleyaffiliate_0123%22%7D",
          "headers": {
            "content-type": "application/x-www-form-urlencoded",
          },
          "method": "POST",
          "url": "https://s2s.adjust.com/event",
        },
        {
          "body": "s2s=1&app_token=4w565xzmb54d&event_token=rx1ssd&environment=production&gps_adid=660e1d86-6796-463a-be86-897993136018&created_at_unix=1768472430&ip_address=203.0.113.9&callback_params=%7B%22order_id%22%3A%222025010100002222%22%2C%22oms_event_name%22%3A%22rx_issued%22%2C%22storefront%22%3A%22pfizer%22%2C%22session_id%22%3A%22sess_789%22%2C%22utm_source%22%3A%22google%22%2C%22utm_medium%22%3A%22cpc%22%2C%22utm_campaign%22%3A%22pfizer_q1%22%2C%22affiliate%22%3A%22pfizeraffiliate_0123%22%7D",
          "headers": {
            "content-type": "application/x-www-form-urlencoded",
          },
          "method": "POST",
          "url": "https://s2s.adjust.com/event",
        },
        {
          "body": "s2s=1&app_token=4w565xzmb54d&event_token=f0ob4r&environment=production&gps_adid=660e1d86-6796-463a-be86-897993136018&created_at_unix=1768472700&revenue=80.79&currency=USD&ip_address=203.0.113.9&callback_params=%7B%22order_id%22%3A%222025020100003333%22%2C%22oms_event_name%22%3A%22purchase_completed%22%2C%22storefront%22%3A%22bosley%22%2C%22session_id%22%3A%22sess_456%22%2C%22utm_source%22%3A%22google%22%2C%22utm_medium%22%3A%22organic%22%2C%22utm_campaign%22%3A%22bosley_q1%22%2C%22affiliate%22%3A%22bosleyaffiliate_0123%22%7D",
          "headers": {
            "content-type": "application/x-www-form-urlencoded",
          },
          "method": "POST",
          "url": "https://s2s.adjust.com/event",
        },
      ]
    `);
    expect(requests.map(paramsOf)).toMatchInlineSnapshot(`
      [
        {
          "app_token": "4w565xzmb54d",
          "callback_params": "{"order_id":"2025010100001111","oms_event_name":"consult_started","storefront":"bosley","session_id":"sess_123","utm_source":"facebook","utm_medium":"cpc","utm_campaign":"bosley_q1","affiliate":"bosleyaffiliate_0123"}",
          "created_at_unix": "1768472100",
          "environment": "production",
          "event_token": "c0n5lt",
          "gps_adid": "660e1d86-6796-463a-be86-897993136018",
          "ip_address": "203.0.113.9",
          "s2s": "1",
        },
        {
          "app_token": "4w565xzmb54d",
          "callback_params": "{"order_id":"2025010100002222","oms_event_name":"rx_issued","storefront":"pfizer","session_id":"sess_789","utm_source":"google","utm_medium":"cpc","utm_campaign":"pfizer_q1","affiliate":"pfizeraffiliate_0123"}",
          "created_at_unix": "1768472430",
          "environment": "production",
          "event_token": "rx1ssd",
          "gps_adid": "660e1d86-6796-463a-be86-897993136018",
          "ip_address": "203.0.113.9",
          "s2s": "1",
        },
        {
          "app_token": "4w565xzmb54d",
          "callback_params": "{"order_id":"2025020100003333","oms_event_name":"purchase_completed","storefront":"bosley","session_id":"sess_456","utm_source":"google","utm_medium":"organic","utm_campaign":"bosley_q1","affiliate":"bosleyaffiliate_0123"}",
          "created_at_unix": "1768472700",
          "currency": "USD",
          "environment": "production",
          "event_token": "f0ob4r",
          "gps_adid": "660e1d86-6796-463a-be86-897993136018",
          "ip_address": "203.0.113.9",
          "revenue": "80.79",
          "s2s": "1",
        },
      ]
    `);
  });

  it('builds the exact request for a fully populated purchase from an iOS device, with the S2S token', async () => {
    const { requests } = await runAdapter(adapter, [
      fullPurchaseEvent({
        idfa: IDFA,
        idfv: 'AB12CD34-0000-4000-8000-1234567890AB',
        adjust_adid: 'a1b2c3d4e5f6a7b8',
      }),
    ]);
    expect(requests.map((r) => ({ url: r.url, headers: r.headers }))).toMatchInlineSnapshot(`
      [
        {
          "headers": {
            "authorization": "Bearer example-s2s-security-token-0123456789",
            "content-type": "application/x-www-form-urlencoded",
          },
          "url": "https://s2s.adjust.com/event",
        },
      ]
    `);
    expect(paramsOf(requests[0])).toMatchInlineSnapshot(`
      {
        "adid": "a1b2c3d4e5f6a7b8",
        "app_token": "4w565xzmb54d",
        "callback_params": "{"order_id":"ORD-1001","oms_event_name":"purchase_completed","storefront":"bosley","session_id":"sess_full","utm_source":"google","utm_medium":"cpc","utm_campaign":"bosley_q1","affiliate":"bosleyaffiliate_0123"}",
        "created_at_unix": "1768476600",
        "currency": "USD",
        "environment": "production",
        "event_token": "f0ob4r",
        "idfa": "D2CADB5F-410F-4963-AC0C-2A78534BDF1E",
        "idfv": "AB12CD34-0000-4000-8000-1234567890AB",
        "ip_address": "203.0.113.7",
        "revenue": "129.5",
        "s2s": "1",
      }
    `);
  });

  it('sends no email, phone or name, hashed or not: Adjust attributes through device ids', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent({ gps_adid: GAID })]);
    const passthrough = 'b'.repeat(64);
    const { requests: hashed } = await runAdapter(adapter, [
      fullPurchaseEvent({ gps_adid: GAID, email: passthrough }),
    ]);
    const emailHash = hashEmail(' John.Doe@Example.COM ');
    expect(emailHash).toBe(sha256Hex('john.doe@example.com'));
    for (const value of ['john.doe', 'John.Doe', emailHash, sha256Hex('+15551234567'), '5551234567', 'Doe']) {
      expect(decodeURIComponent(requests[0]!.body)).not.toContain(value);
    }
    expect(hashed[0]!.body).not.toContain(passthrough);
  });

  it('looks the event token up by Relay name, then by OMS name, and skips events without one', async () => {
    const credentials = {
      app_token: '4w565xzmb54d',
      event_tokens: { purchase: 'f0ob4r', signup: 's1gnup', consult_started: 'c0n5lt' },
    };
    const events = ['purchase_completed', 'signup', 'consult_started', 'add_to_cart'].map((name, i) =>
      sampleEvent(name, i + 1, { gps_adid: GAID }),
    );
    const { requests, results } = await runAdapter(adapter, events, { credentials });
    expect(requests.map((r) => paramsOf(r)['event_token'])).toEqual(['f0ob4r', 's1gnup', 'c0n5lt']);
    expect(results[3]!.outcome).toEqual({
      status: 'skipped',
      reason: 'no Adjust event token for add_to_cart in event_tokens: the event is not sent to Adjust',
    });
    const { results: noSignUp } = await runAdapter(
      adapter,
      [sampleEvent('complete_registration', 1, { gps_adid: GAID })],
      {
        credentials,
      },
    );
    expect(noSignUp[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        'no Adjust event token for sign_up or complete_registration in event_tokens: the event is not sent to Adjust',
    });
  });

  it('maps the canonical events to Relay names and passes the others through', async () => {
    const events = SENT_EVENTS.map((name, i) => sampleEvent(name, i + 1, { gps_adid: GAID }));
    // A name is reported for sent events only: give every name an event token.
    const names = [
      'purchase',
      'begin_checkout',
      'add_to_cart',
      'lead',
      'sign_up',
      'page_view',
      'consult_started',
      'rx_issued',
    ];
    const event_tokens = Object.fromEntries(names.map((name, i) => [name, `tok${i}`]));
    const { results } = await runAdapter(adapter, events, {
      credentials: { ...adapter.credentialsExample, event_tokens },
    });
    expect(results.map((r) => r.platformEventName)).toEqual([
      'purchase',
      'begin_checkout',
      'begin_checkout',
      'add_to_cart',
      'lead',
      'lead',
      'sign_up',
      'sign_up',
      'page_view',
      'consult_started',
      'rx_issued',
    ]);
  });

  it('reads device ids from their record keys, first present key wins', async () => {
    const ids = async (extra: Record<string, unknown>) => {
      const { requests } = await runAdapter(adapter, [sampleEvent('purchase_completed', 1, extra)]);
      const {
        s2s,
        app_token,
        event_token,
        environment,
        created_at_unix,
        revenue,
        currency,
        ip_address,
        callback_params,
        ...rest
      } = paramsOf(requests[0]);
      return rest;
    };
    expect(await ids({ advertising_id: 'g-1', aaid: 'g-2' })).toEqual({ gps_adid: 'g-1' });
    expect(await ids({ amazon_aid: 'f-1', oaid: 'o-1', android_id: 'a-1' })).toEqual({
      fire_adid: 'f-1',
      oaid: 'o-1',
      android_id: 'a-1',
    });
    expect(await ids({ web_uuid: 'w-1', adjust_device_id: 'ad-1' })).toEqual({
      web_uuid: 'w-1',
      adid: 'ad-1',
    });
  });

  it('sends revenue and currency only with a value, and the IP address only when it is IPv4', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, {
        gps_adid: GAID,
        order_revenue: undefined,
        ip_address: '2001:db8::1',
      }),
    ]);
    expect(paramsOf(requests[0])).not.toHaveProperty('revenue');
    expect(paramsOf(requests[0])).not.toHaveProperty('currency');
    expect(paramsOf(requests[0])).not.toHaveProperty('ip_address');
  });

  it('books revenue only on purchases: the value of other events goes in callback_params', async () => {
    const { requests } = await runAdapter(
      adapter,
      [
        sampleEvent('checkout_started', 1, { gps_adid: GAID }),
        sampleEvent('purchase_completed', 2, { gps_adid: GAID }),
      ],
      { credentials: { ...CREDENTIALS, event_tokens: { begin_checkout: 'ch3ck0', purchase: 'f0ob4r' } } },
    );
    const [checkout, purchase] = requests.map(paramsOf);
    expect([checkout!['revenue'], checkout!['currency']]).toEqual([undefined, undefined]);
    expect(JSON.parse(checkout!['callback_params']!)).toMatchObject({
      order_id: 'ORD-0001',
      value: 11,
      currency: 'USD',
    });
    expect([purchase!['revenue'], purchase!['currency']]).toEqual(['12', 'USD']);
    expect(JSON.parse(purchase!['callback_params']!)).not.toHaveProperty('value');
  });

  it('skips refunds and cancellations with the reason (no refund mapping)', async () => {
    const { requests, results } = await runAdapter(adapter, [
      sampleEvent('order_refunded', 1, { gps_adid: GAID }),
    ]);
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        "Adjust has no way to take a refund or cancellation ('order_refunded'): it is not sent, so it is never counted as a conversion",
    });
  });

  it('sends the sandbox environment when the credential asks for it', async () => {
    const { requests } = await runAdapter(
      adapter,
      [sampleEvent('purchase_completed', 1, { gps_adid: GAID })],
      {
        credentials: { ...CREDENTIALS, environment: 'sandbox' },
      },
    );
    expect(paramsOf(requests[0])['environment']).toBe('sandbox');
  });

  it('refuses credentials without event tokens or with a malformed token, naming the field', async () => {
    const events = [sampleEvent('purchase_completed', 1, { gps_adid: GAID })];
    await expect(
      runAdapter(adapter, events, { credentials: { app_token: '4w565xzmb54d', event_tokens: {} } }),
    ).rejects.toThrow(/event_tokens/);
    await expect(
      runAdapter(adapter, events, {
        credentials: { app_token: '4w565xzmb54d', event_tokens: { purchase: 'f0 ob4r' } },
      }),
    ).rejects.toThrow(/event_tokens/);
    await expect(
      runAdapter(adapter, events, { credentials: { ...CREDENTIALS, environment: 'test' } }),
    ).rejects.toThrow(/environment/);
  });
});

describe('adjust responses', () => {
  const purchase = mappedEvents(1, 'purchase');

  it('2xx (OK) is delivered', () => {
    expect(parse({ status: 200, headers: {}, body: 'OK', json: undefined }, purchase, NOW)).toEqual([
      { status: 'delivered' },
    ]);
    expect(parse(jsonResponse(200, { status: 'OK' }), purchase, NOW)).toEqual([{ status: 'delivered' }]);
  });

  it('a repeat of a unique event is delivered with a warning', () => {
    expect(parse(failed(400, 'Ignoring event, earlier unique event tracked'), purchase, NOW)).toEqual([
      {
        status: 'delivered',
        warnings: [
          'Adjust already recorded this unique event and ignored the repeat: Ignoring event, earlier unique event tracked',
        ],
      },
    ]);
  });

  it('an unknown app token needs attention (400 Invalid app token, 404 App token not found)', () => {
    expect(parse(failed(400, 'Invalid app token'), purchase, NOW)).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'Adjust does not know the app token; check app_token: Invalid app token',
      },
    ]);
    expect(parse(failed(404, 'App token not found'), purchase, NOW)[0]).toMatchObject({
      status: 'auth',
      kind: 'needs-attention',
    });
  });

  it('an invalid or blocklisted event token is rejected', () => {
    expect(parse(failed(400, 'Invalid event token'), purchase, NOW)).toEqual([
      {
        status: 'rejected',
        code: 'invalid_event_token',
        reason:
          'Adjust refused the event token; check event_tokens (the token must belong to the app): Invalid event token',
      },
    ]);
    expect(parse(failed(403, 'Event token blocklisted'), purchase, NOW)).toEqual([
      {
        status: 'rejected',
        code: 'event_token_blocklisted',
        reason: 'Adjust blocklisted the event token: Event token blocklisted',
      },
    ]);
  });

  it('a bad event state and an unknown device are rejected with their own codes', () => {
    expect(parse(failed(400, 'Bad event state'), purchase, NOW)).toEqual([
      {
        status: 'rejected',
        code: 'bad_event_state',
        reason: 'Adjust refused the event: Bad event state',
      },
    ]);
    expect(parse(failed(404, 'Device not found'), purchase, NOW)).toEqual([
      {
        status: 'rejected',
        code: 'device_not_found',
        reason:
          'Adjust has no install for this device; its app must have recorded it through the Adjust SDK: Device not found',
      },
    ]);
  });

  it('an opted-out device is skipped', () => {
    expect(parse(failed(451, 'Device is opted out'), purchase, NOW)).toEqual([
      {
        status: 'skipped',
        reason: 'Adjust: the device is opted out of measurement (451): Device is opted out',
      },
    ]);
  });

  it('401 needs the S2S Security token', () => {
    expect(parse(failed(401, 'Failed to authorize request'), purchase, NOW)).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'Adjust refused the request (401): the app has S2S Security on; set s2s_token to its S2S Security token: Failed to authorize request',
      },
    ]);
  });

  it('an inactive app or disabled tracking needs attention in the dashboard', () => {
    for (const message of ['App is inactive', 'Tracking disabled']) {
      expect(parse(failed(403, message), purchase, NOW)).toEqual([
        {
          status: 'auth',
          kind: 'needs-attention',
          reason: `Adjust does not measure this app; reactivate it or enable measurement for its platform in the Adjust dashboard: ${message}`,
        },
      ]);
    }
  });

  it("other answers follow core's table with Adjust's message: 400 and 413 rejected, 429 and 5xx retried", () => {
    expect(parse(failed(400, 'Invalid revenue'), purchase, NOW)).toEqual([
      { status: 'rejected', code: 'http_400', reason: 'Adjust rejected the request (400): Invalid revenue' },
    ]);
    expect(parse(failed(413, 'Request size too large'), purchase, NOW)).toEqual([
      {
        status: 'rejected',
        code: 'http_413',
        reason: 'Adjust rejected the request (413): Request size too large',
      },
    ]);
    expect(
      parse({ status: 429, headers: { 'retry-after': '7' }, body: '', json: undefined }, purchase, NOW),
    ).toEqual([{ status: 'retryable', reason: 'Adjust answered 429: HTTP 429', retryAfterMs: 7000 }]);
    expect(parse(failed(500, 'Internal error, contact support@adjust.com'), purchase, NOW)).toEqual([
      { status: 'retryable', reason: 'Adjust answered 500: Internal error, contact support@adjust.com' },
    ]);
  });
});
