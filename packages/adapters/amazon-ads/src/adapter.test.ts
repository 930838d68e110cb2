import { type MappedEvent, sha256Hex } from '@relay/core';
import {
  type RecordedRequest,
  SEED_BATCH,
  eventFromRecord,
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
import { normalizeEmailForAmazon } from './match-keys';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length);

type AmazonEvent = Record<string, unknown> & {
  eventDescription: Record<string, unknown>;
  matchKeys: Array<{ type: string; values: string[] }>;
};
type Body = { events: AmazonEvent[] };

const isToken = (r: { url: string }) => r.url.includes('/auth/o2/token');

/** Amazon's 207 answer accepting every event of the request (0-based `index`). */
const acceptAll = (r: RecordedRequest) => ({
  status: 207,
  body: {
    success: ((r.json as Body).events ?? []).map((event, index) => ({ index, event })),
    error: [],
  },
});

const platform = (r: RecordedRequest) =>
  isToken(r)
    ? {
        status: 200,
        body: { access_token: 'Atza|example-access-token', token_type: 'bearer', expires_in: 3600 },
      }
    : acceptAll(r);

testAdapterConformance(adapter, { success: acceptAll });

const NOW = new Date('2026-01-15T12:00:00Z');

const eventsOf = (r: RecordedRequest | undefined) => (r!.json as Body).events;

const sent = async (events = [sampleEvent('purchase_completed')], options: Record<string, unknown> = {}) => {
  const run = await runAdapter(adapter, events, { options, respond: platform });
  return { ...run, api: run.requests.filter((r) => !isToken(r)) };
};

const keysOf = async (overrides: Record<string, unknown>) => {
  const { api } = await sent([sampleEvent('lead', 1, overrides)]);
  return Object.fromEntries(
    eventsOf(api[0])
      .at(0)!
      .matchKeys.map((k) => [k.type, k.values]),
  );
};

/** The seed batch's records with the customer email the OMS knows for each order. */
const seedEventsWithEmail = () =>
  SEED_BATCH.data.map((record, i) => eventFromRecord({ ...record, email: `customer${i + 1}@example.com` }));

/** The `EventCreate` properties of the Amazon Ads API v1 spec (an unknown key is a bug). */
const EVENT_CREATE_KEYS = new Set([
  'amazonAdEventKey',
  'arefMeasurementTokens',
  'consent',
  'countryCode',
  'currencyCode',
  'customData',
  'dataProcessingOptions',
  'deviceInfo',
  'eventDescription',
  'eventId',
  'eventTime',
  'matchKeys',
  'partner',
  'unitsSold',
  'value',
]);

/** The spec's constraints on `CreateEventRequest`, checked by hand (the spec file carries no licence to copy it). */
function expectValidBody(body: Body) {
  expect(body.events.length).toBeGreaterThanOrEqual(1);
  expect(body.events.length).toBeLessThanOrEqual(500);
  for (const event of body.events) {
    for (const key of Object.keys(event)) expect(EVENT_CREATE_KEYS.has(key), key).toBe(true);
    expect(Object.keys(event.eventDescription).sort()).toEqual(
      expect.arrayContaining(['conversionType', 'eventIngestionMethod', 'eventSource', 'name']),
    );
    expect(event.eventDescription['eventIngestionMethod']).toBe('SERVER_TO_SERVER');
    expect(event['countryCode']).toMatch(/^[A-Z]{2}$/);
    expect(new Date(event['eventTime'] as string).toISOString()).toBe(event['eventTime']);
    expect(event.matchKeys.length).toBeGreaterThanOrEqual(1);
    expect(event.matchKeys.length).toBeLessThanOrEqual(15);
    for (const key of event.matchKeys) expect(key.values).toHaveLength(1);
    if (event['value'] !== undefined)
      expect(Number((event['value'] as number).toFixed(2))).toBe(event['value']);
    if (event['unitsSold'] !== undefined) expect(Number.isInteger(event['unitsSold'])).toBe(true);
  }
}

describe('amazon_ads requests', () => {
  it('fetches a Login with Amazon token, then posts to /adsApi/v1/create/events with the account headers', async () => {
    const { requests } = await sent();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://api.amazon.com/auth/o2/token',
      'POST https://advertising-api.amazon.com/adsApi/v1/create/events',
    ]);
    expect(requests[0]?.body).toBe(
      'grant_type=refresh_token&refresh_token=Atzr%7CIwEBIexample-refresh-token-0123456789&client_id=amzn1.application-oa2-client.0123456789abcdef0123456789abcdef&client_secret=amzn1.oa2-cs.v1.example-client-secret-0123456789',
    );
    expect(requests[1]?.headers).toEqual({
      accept: 'application/json',
      'amazon-ads-accountid': '582021954301234567',
      'amazon-ads-clientid': 'amzn1.application-oa2-client.0123456789abcdef0123456789abcdef',
      authorization: 'Bearer Atza|example-access-token',
      'content-type': 'application/json',
    });
  });

  it('rejects the bare seed events without sending: Amazon needs at least one match key', async () => {
    const { api, results } = await sent(seedEvents());
    expect(api).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'missing_match_keys',
        reason:
          'Amazon Ads Conversions API needs at least one match key (email, phone, name, address fields, customer id or IP address); this event has none',
      })),
    );
  });

  it('builds the exact body for the seed events once they carry an email', async () => {
    const { api, results } = await sent(seedEventsWithEmail());
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(api[0]?.json).toMatchInlineSnapshot(`
      {
        "events": [
          {
            "countryCode": "US",
            "eventDescription": {
              "conversionType": "OTHER",
              "eventIngestionMethod": "SERVER_TO_SERVER",
              "eventSource": "WEBSITE",
              "name": "consult_started",
            },
            "eventId": "bosley:consult_started:2025010100001111",
            "eventTime": "2026-01-15T10:15:00.000Z",
            "matchKeys": [
              {
                "type": "EMAIL",
                "values": [
                  "b4133380ccd33e9fea010c5c961c1b766f4bf70ca30a4026a65c6854c8921fda",
                ],
              },
            ],
          },
          {
            "countryCode": "US",
            "eventDescription": {
              "conversionType": "OTHER",
              "eventIngestionMethod": "SERVER_TO_SERVER",
              "eventSource": "WEBSITE",
              "name": "rx_issued",
            },
            "eventId": "pfizer:rx_issued:2025010100002222",
            "eventTime": "2026-01-15T10:20:30.000Z",
            "matchKeys": [
              {
                "type": "EMAIL",
                "values": [
                  "bc8ff7bc9cbcf078d9e537b9b6098f8d50fe7142086c6aabf6841a7714679c30",
                ],
              },
            ],
          },
          {
            "countryCode": "US",
            "currencyCode": "USD",
            "eventDescription": {
              "conversionType": "OFF_AMAZON_PURCHASES",
              "eventIngestionMethod": "SERVER_TO_SERVER",
              "eventSource": "WEBSITE",
              "name": "Purchase",
            },
            "eventId": "bosley:purchase_completed:2025020100003333",
            "eventTime": "2026-01-15T10:25:00.000Z",
            "matchKeys": [
              {
                "type": "EMAIL",
                "values": [
                  "4c7d03d328bed7e9babb9d5abb9216a1b14d5feeb82890816b090521072a5827",
                ],
              },
            ],
            "value": 80.79,
          },
        ],
      }
    `);
    expectValidBody(api[0]!.json as Body);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { api } = await sent([fullPurchaseEvent()]);
    expect(api[0]?.json).toMatchInlineSnapshot(`
      {
        "events": [
          {
            "consent": {
              "amazonConsent": {
                "amznUserData": "GRANTED",
              },
              "geo": {
                "ipAddress": "203.0.113.7",
              },
            },
            "countryCode": "US",
            "currencyCode": "USD",
            "deviceInfo": {
              "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
            },
            "eventDescription": {
              "conversionType": "OFF_AMAZON_PURCHASES",
              "eventIngestionMethod": "SERVER_TO_SERVER",
              "eventSource": "WEBSITE",
              "name": "Purchase",
            },
            "eventId": "evt_full_0001",
            "eventTime": "2026-01-15T11:30:00.000Z",
            "matchKeys": [
              {
                "type": "EMAIL",
                "values": [
                  "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
                ],
              },
              {
                "type": "PHONE",
                "values": [
                  "d6736136ea896c1bfdc553e0e86e702c70d060d805696ca3e4e9e0961353860a",
                ],
              },
              {
                "type": "FIRST_NAME",
                "values": [
                  "96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a",
                ],
              },
              {
                "type": "LAST_NAME",
                "values": [
                  "799ef92a11af918e3fb741df42934f3b568ed2d93ac1df74f1b8d41a27932a6f",
                ],
              },
              {
                "type": "CITY",
                "values": [
                  "350c754ba4d38897693aa077ef43072a859d23f613443133fecbbd90a3512ca5",
                ],
              },
              {
                "type": "STATE",
                "values": [
                  "1b06e2003f8420d6fa42badd8f77ec0f706b976b7a48b13c567dc5a559681683",
                ],
              },
              {
                "type": "POSTAL",
                "values": [
                  "e443169117a184f91186b401133b20be670c7c0896f9886075e5d9b81e9d076b",
                ],
              },
              {
                "type": "MATCH_ID",
                "values": [
                  "cust_42",
                ],
              },
              {
                "type": "FIP",
                "values": [
                  "203.0.113.7",
                ],
              },
            ],
            "unitsSold": 3,
            "value": 129.5,
          },
        ],
      }
    `);
    expectValidBody(api[0]!.json as Body);
  });

  it('maps the canonical events to conversion types, custom ones to OTHER under their OMS name', async () => {
    const names = [
      'purchase_completed',
      'checkout_started',
      'add_to_cart',
      'consult_completed',
      'signup',
      'page_view',
      'rx_issued',
    ];
    const { api } = await sent(names.map((name, i) => sampleEvent(name, i + 1)));
    expect(eventsOf(api[0]).map((e) => e.eventDescription)).toEqual([
      {
        name: 'Purchase',
        conversionType: 'OFF_AMAZON_PURCHASES',
        eventSource: 'WEBSITE',
        eventIngestionMethod: 'SERVER_TO_SERVER',
      },
      {
        name: 'Checkout',
        conversionType: 'CHECKOUT',
        eventSource: 'WEBSITE',
        eventIngestionMethod: 'SERVER_TO_SERVER',
      },
      {
        name: 'Add to cart',
        conversionType: 'ADD_TO_SHOPPING_CART',
        eventSource: 'WEBSITE',
        eventIngestionMethod: 'SERVER_TO_SERVER',
      },
      {
        name: 'Lead',
        conversionType: 'LEAD',
        eventSource: 'WEBSITE',
        eventIngestionMethod: 'SERVER_TO_SERVER',
      },
      {
        name: 'Sign up',
        conversionType: 'SIGN_UP',
        eventSource: 'WEBSITE',
        eventIngestionMethod: 'SERVER_TO_SERVER',
      },
      {
        name: 'Page view',
        conversionType: 'PAGE_VIEW',
        eventSource: 'WEBSITE',
        eventIngestionMethod: 'SERVER_TO_SERVER',
      },
      {
        name: 'rx_issued',
        conversionType: 'OTHER',
        eventSource: 'WEBSITE',
        eventIngestionMethod: 'SERVER_TO_SERVER',
      },
    ]);
    expectValidBody(api[0]!.json as Body);
  });

  it('takes eventMap overrides to any conversion type (named from event_names) or to a neutral OTHER name', async () => {
    const { api } = await sent([sampleEvent('rx_issued', 1), sampleEvent('consult_started', 2)], {
      eventMap: { rx_issued: 'SUBSCRIBE', consult_started: 'Consultation' },
      event_names: { SUBSCRIBE: 'Membership' },
    });
    expect(
      eventsOf(api[0]).map((e) => [e.eventDescription['conversionType'], e.eventDescription['name']]),
    ).toEqual([
      ['SUBSCRIBE', 'Membership'],
      ['OTHER', 'Consultation'],
    ]);
  });

  it('sends event source, dataset, limited data use and partner from the options', async () => {
    const { api } = await sent([sampleEvent('lead')], {
      event_source: 'OFFLINE',
      data_set_name: 'oms_orders',
      limited_data_use: true,
      partner: 'relay',
      event_names: { LEAD: 'Consult booked' },
    });
    const event = eventsOf(api[0])[0]!;
    expect(event.eventDescription).toEqual({
      name: 'Consult booked',
      conversionType: 'LEAD',
      eventSource: 'OFFLINE',
      eventIngestionMethod: 'SERVER_TO_SERVER',
      dataSetName: 'oms_orders',
    });
    expect(event['dataProcessingOptions']).toEqual({ options: 'LIMITED_DATA_USE' });
    expect(event['partner']).toBe('relay');
    expectValidBody(api[0]!.json as Body);
  });

  it('refuses a data_set_name Amazon would not accept', async () => {
    await expect(sent([sampleEvent('lead')], { data_set_name: '1-orders' })).rejects.toThrow(/data_set_name/);
  });

  it('sends value with two decimals on every event, currency and units only on purchases', async () => {
    const purchase = sampleEvent('purchase_completed', 1, {
      order_revenue: 19.999,
      currency: 'eur',
      items: [
        { id: 'A', price: 5, quantity: 2 },
        { id: 'B', price: 10 },
      ],
    });
    const lead = sampleEvent('lead', 2, { order_revenue: 12.345 });
    const { api } = await sent([purchase, lead]);
    const [p, l] = eventsOf(api[0]);
    expect([p!['value'], p!['currencyCode'], p!['unitsSold']]).toEqual([20, 'EUR', 3]);
    expect([l!['value'], l!['currencyCode'], l!['unitsSold']]).toEqual([12.35, undefined, undefined]);
  });

  it('leaves unitsSold to Amazon (default 1) when the purchase has no items, and omits a missing value', async () => {
    const { api } = await sent([sampleEvent('purchase_completed', 1, { order_revenue: undefined })]);
    const event = eventsOf(api[0])[0]!;
    expect(['value', 'currencyCode', 'unitsSold'].filter((k) => k in event)).toEqual([]);
  });

  it('rejects a purchase with a negative value or a currency Amazon does not take, and sends the rest', async () => {
    const { api, results } = await sent([
      sampleEvent('purchase_completed', 1, { order_revenue: -5 }),
      sampleEvent('purchase_completed', 2, { currency: 'ISK' }),
      sampleEvent('lead', 3, { currency: 'ISK' }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'rejected',
        code: 'negative_value',
        reason: 'Amazon Ads Conversions API takes a purchase value of 0 or more; this one is -5',
      },
      {
        status: 'rejected',
        code: 'unsupported_currency',
        reason: "Amazon Ads Conversions API does not accept currency 'ISK' for purchase values",
      },
      { status: 'delivered' },
    ]);
    expect(eventsOf(api[0]).map((e) => e['eventId'])).toEqual(['bosley:lead:ORD-0003']);
  });

  it('uses the EU host and token endpoint for region EU, and needs a consent signal there', async () => {
    const credentials = { ...adapter.credentialsExample, region: 'EU' };
    const withIp = sampleEvent('lead', 1);
    const bare = sampleEvent('lead', 2, { ip_address: undefined });
    const { requests, results } = await runAdapter(adapter, [withIp, bare], {
      credentials,
      respond: platform,
    });
    expect(requests.map((r) => r.url)).toEqual([
      'https://api.amazon.co.uk/auth/o2/token',
      'https://advertising-api-eu.amazon.com/adsApi/v1/create/events',
    ]);
    expect(results[1]?.outcome).toEqual({
      status: 'rejected',
      code: 'missing_consent',
      reason:
        'Amazon Ads Conversions API needs a consent signal for EU advertisers (the IP address or consent_ad_user_data); this event has neither',
    });
    const granted = sampleEvent('lead', 3, { ip_address: undefined, consent_ad_user_data: 'granted' });
    const again = await runAdapter(adapter, [granted], { credentials, respond: platform });
    expect(again.results[0]?.outcome).toEqual({ status: 'delivered' });
  });

  it('uses the FE host and token endpoint for region FE', async () => {
    const credentials = { ...adapter.credentialsExample, region: 'FE' };
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], { credentials, respond: platform });
    expect(requests.map((r) => r.url)).toEqual([
      'https://api.amazon.co.jp/auth/o2/token',
      'https://advertising-api-fe.amazon.com/adsApi/v1/create/events',
    ]);
  });

  it('keeps an overridden base URL (simulator) whatever the region', async () => {
    const credentials = { ...adapter.credentialsExample, region: 'EU' };
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], {
      credentials,
      baseUrl: 'http://127.0.0.1:4010',
      respond: platform,
    });
    expect(requests.at(-1)?.url).toBe('http://127.0.0.1:4010/adsApi/v1/create/events');
  });

  it('sends consent: the IP for the geo check and consent_ad_user_data as amznUserData', async () => {
    const consentOf = async (overrides: Record<string, unknown>) => {
      const { api } = await sent([sampleEvent('lead', 1, overrides)]);
      return eventsOf(api[0])[0]!['consent'];
    };
    expect(await consentOf({ consent_ad_user_data: 'granted' })).toEqual({
      geo: { ipAddress: '203.0.113.7' },
      amazonConsent: { amznUserData: 'GRANTED' },
    });
    expect(await consentOf({ consent_ad_user_data: 'denied', ip_address: undefined })).toEqual({
      amazonConsent: { amznUserData: 'DENIED' },
    });
    expect(await consentOf({ ip_address: undefined })).toBeUndefined();
  });

  it('takes the country from the event, else the default country, upper case', async () => {
    const countryOf = async (overrides: Record<string, unknown>) => {
      const { api } = await sent([sampleEvent('lead', 1, overrides)]);
      return eventsOf(api[0])[0]!['countryCode'];
    };
    expect(await countryOf({ country: 'gb' })).toBe('GB');
    expect(await countryOf({ country: 'Germany' })).toBe('US');
    expect(await countryOf({})).toBe('US');
  });

  it('cuts the user agent to the 512 characters deviceInfo allows', async () => {
    const { api } = await sent([sampleEvent('lead', 1, { user_agent: `Mozilla/5.0 ${'x'.repeat(600)}` })]);
    const ua = (eventsOf(api[0])[0]!['deviceInfo'] as { userAgent: string }).userAgent;
    expect(ua).toHaveLength(512);
    expect(ua.startsWith('Mozilla/5.0 xxx')).toBe(true);
  });

  it('chunks at 500 events, the spec maximum', async () => {
    const events = Array.from({ length: 501 }, (_, i) => sampleEvent('lead', i + 1));
    const { api, results } = await sent(events);
    expect(api.map((r) => eventsOf(r).length)).toEqual([500, 1]);
    expect(results.every((r) => r.outcome.status === 'delivered')).toBe(true);
  });
});

describe('amazon_ads identity', () => {
  it('hashes the canonical email after trimming and lower-casing', async () => {
    expect((await keysOf({ email: ' John.Doe@Example.COM ' }))['EMAIL']).toEqual([
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    ]);
    expect(sha256Hex('john.doe@example.com')).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
  });

  it("removes characters outside Amazon's email alphabet (a-z 0-9 . @ -) before hashing", async () => {
    expect(normalizeEmailForAmazon(' Jo_hn+Tag@Ex-ample.com ')).toBe('johntag@ex-ample.com');
    expect((await keysOf({ email: 'jo_hn+tag@example.com' }))['EMAIL']).toEqual([
      sha256Hex('johntag@example.com'),
    ]);
  });

  it('passes already-hashed values through unchanged', async () => {
    const hashed = 'c'.repeat(64);
    const keys = await keysOf({ email: hashed, phone: hashed, first_name: hashed, zip: hashed });
    expect([keys['EMAIL'], keys['PHONE'], keys['FIRST_NAME'], keys['POSTAL']]).toEqual([
      [hashed],
      [hashed],
      [hashed],
      [hashed],
    ]);
  });

  it('hashes phones as digits with the country code (default US), no +', async () => {
    expect((await keysOf({ phone: '(555) 123-4567' }))['PHONE']).toEqual([sha256Hex('15551234567')]);
    expect((await keysOf({ phone: '+44 20 7946 0958' }))['PHONE']).toEqual([sha256Hex('442079460958')]);
    expect((await keysOf({ phone: '020 7946 0958', country: 'GB' }))['PHONE']).toEqual([
      sha256Hex('442079460958'),
    ]);
  });

  it('hashes names, city and state as lower-case letters and digits, the ZIP as its first five digits', async () => {
    const keys = await keysOf({
      first_name: ' Mary-Ann ',
      last_name: "O'Brien Smith",
      city: 'New York',
      state: 'NY',
      zip: '10001-1234',
    });
    expect(keys).toMatchObject({
      FIRST_NAME: [sha256Hex('maryann')],
      LAST_NAME: [sha256Hex('obriensmith')],
      CITY: [sha256Hex('newyork')],
      STATE: [sha256Hex('ny')],
      POSTAL: [sha256Hex('10001')],
    });
  });

  it('sends the customer id as MATCH_ID and the IP address as FIP, unhashed', async () => {
    const keys = await keysOf({ external_id: ' cust_42 ' });
    expect([keys['MATCH_ID'], keys['FIP']]).toEqual([['cust_42'], ['203.0.113.7']]);
  });

  it('accepts an event whose only match key is the IP address', async () => {
    const { api } = await sent([
      sampleEvent('page_view', 1, { email: undefined, phone: undefined, external_id: undefined }),
    ]);
    expect(eventsOf(api[0])[0]!.matchKeys).toEqual([{ type: 'FIP', values: ['203.0.113.7'] }]);
  });
});

describe('amazon_ads responses', () => {
  const mapped = (count: number): MappedEvent[] => mappedEvents(count, 'OFF_AMAZON_PURCHASES');

  it('maps a 207 per event: success, field error, retryable error, and an event the answer left out', () => {
    const outcomes = parse(
      jsonResponse(207, {
        success: [{ index: 0, event: {} }],
        error: [
          {
            index: 1,
            errors: [
              {
                code: 'FIELD_VALUE_IS_INVALID',
                fieldLocation: 'events[1].countryCode',
                message: 'Invalid country code',
              },
              {
                code: 'FIELD_VALUE_IS_EMPTY',
                fieldLocation: 'events[1].matchKeys',
                message: 'Match keys are empty',
              },
            ],
          },
          { index: 2, errors: [{ code: 'INTERNAL_ERROR', message: 'Try again' }] },
        ],
      }),
      mapped(4),
      NOW,
    );
    expect(outcomes).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'field_value_is_invalid',
        reason:
          'Amazon Ads Conversions API rejected the event: events[1].countryCode: Invalid country code (FIELD_VALUE_IS_INVALID); events[1].matchKeys: Match keys are empty (FIELD_VALUE_IS_EMPTY)',
      },
      {
        status: 'retryable',
        reason: 'Amazon Ads Conversions API had an internal error: Try again (INTERNAL_ERROR)',
      },
      {
        status: 'delivered',
        warnings: ['Amazon Ads Conversions API answered the batch without reporting on this event'],
      },
    ]);
  });

  it('rejects a 207 error entry without details, and ignores indexes outside the request', () => {
    expect(
      parse(jsonResponse(207, { success: [{ index: 7 }], error: [{ index: 0 }] }), mapped(1), NOW),
    ).toEqual([
      {
        status: 'rejected',
        code: 'event_rejected',
        reason: 'Amazon Ads Conversions API rejected the event: no error detail',
      },
    ]);
  });

  it('delivers a 2xx without success or error lists', () => {
    expect(parse(jsonResponse(200, {}), mapped(2), NOW)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
  });

  it('TOO_MANY_REQUESTS (429) is retryable with Retry-After (applied by core)', async () => {
    expect(
      parse(jsonResponse(429, { code: 'TOO_MANY_REQUESTS', message: 'Slow down' }), mapped(2), NOW),
    ).toEqual(
      Array.from({ length: 2 }, () => ({
        status: 'retryable',
        reason: 'Amazon Ads Conversions API is throttling the calls: Slow down (TOO_MANY_REQUESTS)',
      })),
    );
    const { results } = await runAdapter(adapter, [sampleEvent('purchase_completed', 1)], {
      respond: (r) =>
        isToken(r)
          ? platform(r)
          : {
              status: 429,
              headers: { 'retry-after': '30' },
              body: { code: 'TOO_MANY_REQUESTS', message: 'Slow down' },
            },
    });
    expect(results[0]!.outcome).toEqual({
      status: 'retryable',
      reason: 'Amazon Ads Conversions API is throttling the calls: Slow down (TOO_MANY_REQUESTS)',
      retryAfterMs: 30_000,
    });
  });

  it('INTERNAL_ERROR (500) is retryable', () => {
    expect(parse(jsonResponse(500, { code: 'INTERNAL_ERROR', message: 'Oops' }), mapped(1), NOW)).toEqual([
      {
        status: 'retryable',
        reason: 'Amazon Ads Conversions API had an internal error: Oops (INTERNAL_ERROR)',
      },
    ]);
  });

  it('CONFLICT is retryable even when sent as a 400', () => {
    expect(parse(jsonResponse(400, { code: 'CONFLICT', message: 'Retry' }), mapped(1), NOW)).toEqual([
      {
        status: 'retryable',
        reason: 'Amazon Ads Conversions API reported a conflict, to be retried: Retry (CONFLICT)',
      },
    ]);
  });

  it('UNAUTHORIZED (401) asks for a token refresh', () => {
    expect(
      parse(jsonResponse(401, { code: 'UNAUTHORIZED', message: 'Access token expired' }), mapped(1), NOW),
    ).toEqual([
      {
        status: 'auth',
        kind: 'refresh',
        reason:
          'Amazon Ads Conversions API did not accept the access token: Access token expired (UNAUTHORIZED)',
      },
    ]);
  });

  it('FORBIDDEN (403) needs a person: permission or account id', () => {
    expect(
      parse(jsonResponse(403, { code: 'FORBIDDEN', message: 'Not authorized' }), mapped(1), NOW),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          "Amazon Ads Conversions API denied access: the refresh token's user lacks the Events Manager permission (event_manager_edit) on this advertiser account, or the account id is wrong: Not authorized (FORBIDDEN)",
      },
    ]);
  });

  it('CONTENT_TOO_LARGE (413) is rejected', () => {
    expect(
      parse(jsonResponse(413, { code: 'CONTENT_TOO_LARGE', message: 'Too big' }), mapped(1), NOW),
    ).toEqual([
      {
        status: 'rejected',
        code: 'content_too_large',
        reason: 'Amazon Ads Conversions API refused the request as too large: Too big (CONTENT_TOO_LARGE)',
      },
    ]);
  });

  it('falls back to the HTTP status for other codes, reading message or the older details field', () => {
    expect(
      parse(jsonResponse(400, { code: 'BAD_REQUEST', message: 'events must not be empty' }), mapped(1), NOW),
    ).toEqual([
      {
        status: 'rejected',
        code: 'http_400',
        reason:
          'Amazon Ads Conversions API rejected the request (400): events must not be empty (BAD_REQUEST)',
      },
    ]);
    expect(
      parse(jsonResponse(404, { code: 'NOT_FOUND', details: 'Advertiser not found' }), mapped(1), NOW),
    ).toEqual([
      {
        status: 'rejected',
        code: 'http_404',
        reason: 'Amazon Ads Conversions API rejected the request (404): Advertiser not found (NOT_FOUND)',
      },
    ]);
    expect(parse(jsonResponse(503, {}), mapped(1), NOW)).toEqual([
      { status: 'retryable', reason: 'Amazon Ads Conversions API answered 503: {}' },
    ]);
  });

  it('refreshes the token once on a 401 and resends the events', async () => {
    let tokens = 0;
    let posts = 0;
    const { requests, results } = await runAdapter(adapter, [sampleEvent('lead')], {
      respond: (r) => {
        if (isToken(r)) {
          tokens += 1;
          return { status: 200, body: { access_token: `Atza|token-${tokens}`, expires_in: 3600 } };
        }
        posts += 1;
        return posts === 1
          ? { status: 401, body: { code: 'UNAUTHORIZED', message: 'expired' } }
          : acceptAll(r);
      },
    });
    expect(results[0]?.outcome).toEqual({ status: 'delivered' });
    expect(requests.filter((r) => !isToken(r)).map((r) => r.headers['authorization'])).toEqual([
      'Bearer Atza|token-1',
      'Bearer Atza|token-2',
    ]);
  });

  it('flags the credential when Login with Amazon refuses the refresh token', async () => {
    const { results } = await runAdapter(adapter, [sampleEvent('lead')], {
      respond: (r) =>
        isToken(r)
          ? {
              status: 400,
              body: {
                error: 'invalid_grant',
                error_description: 'The request has an invalid grant parameter',
              },
            }
          : acceptAll(r),
    });
    expect(results[0]?.outcome).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Amazon Ads Conversions API: Amazon Ads Conversions API token request failed (400): invalid_grant: The request has an invalid grant parameter',
    });
  });
});
