import { CANONICAL_EVENTS, eventKind } from '@relay/core';
import {
  eventFromRecord,
  FULL_PURCHASE_RECORD,
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

type Item = {
  user?: Record<string, unknown>;
  device?: Record<string, unknown>;
  conversion: Record<string, unknown>;
};
type Body = { account_id: number; data: Item[] };

const okFor = (body: string) => {
  const count = (JSON.parse(body) as Body).data.length;
  return {
    status: 200,
    body: {
      events_received: count,
      events_errored: 0,
      events: Array.from({ length: count }, (_, index) => ({ status: 'OK', index })),
    },
  };
};

testAdapterConformance(adapter, { success: (r) => okFor(r.body) });

const NOW = new Date('2026-01-15T12:00:00Z');
const NO_OPTIONS = {};

const itemsOf = (request: { json: unknown } | undefined) => (request!.json as Body).data;

/** The canonical events this platform takes (refunds are skipped by core: it declares no refund mapping). */
const SENT_EVENTS = CANONICAL_EVENTS.filter((name) => eventKind(name) !== 'refund');

describe('quora_pixel requests', () => {
  it('sends the seed purchase and skips the seed custom events (Quora has no custom types but Generic)', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents(), { respond: (r) => okFor(r.body) });
    expect(results.map((r) => r.outcome)).toMatchInlineSnapshot(`
      [
        {
          "reason": "Quora Conversion API takes only its own conversion types and has no page-view event; its one custom type, Generic, is advertiser-defined, so map this event to Generic (or another Quora type) with options.eventMap to send it",
          "status": "skipped",
        },
        {
          "reason": "Quora Conversion API takes only its own conversion types and has no page-view event; its one custom type, Generic, is advertiser-defined, so map this event to Generic (or another Quora type) with options.eventMap to send it",
          "status": "skipped",
        },
        {
          "status": "delivered",
        },
      ]
    `);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, json: r.json })),
    ).toMatchInlineSnapshot(`
        [
          {
            "headers": {
              "authorization": "Bearer qc_exampleConversionApiToken0123456789",
              "content-type": "application/json",
            },
            "json": {
              "account_id": 527745581653587,
              "data": [
                {
                  "conversion": {
                    "event_id": "bosley:purchase_completed:2025020100003333",
                    "event_name": "Purchase",
                    "timestamp": 1768472700000000,
                    "value": 80.79,
                  },
                },
              ],
            },
            "method": "POST",
            "url": "https://api.quora.com/ads/v0/conversions",
          },
        ]
      `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "account_id": 527745581653587,
        "data": [
          {
            "conversion": {
              "event_id": "evt_full_0001",
              "event_name": "Purchase",
              "timestamp": 1768476600000000,
              "value": 129.5,
            },
            "device": {
              "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
            },
            "user": {
              "city": "New York",
              "country": "US",
              "email": "john.doe@example.com",
              "ip": "203.0.113.7",
              "name": "John Doe",
              "phone_number": "+15551234567",
              "postal_code": "10001-1234",
              "region": "NY",
            },
          },
        ],
      }
    `);
  });

  it('maps the canonical events to Quora conversion types and skips the rest with a reason', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      SENT_EVENTS.map((name, i) => sampleEvent(name, i + 1)),
    );
    expect(
      Object.fromEntries(
        SENT_EVENTS.map((name, i) => [name, results[i]!.platformEventName ?? results[i]!.outcome.status]),
      ),
    ).toEqual({
      purchase_completed: 'Purchase',
      checkout_started: 'InitiateCheckout',
      begin_checkout: 'InitiateCheckout',
      add_to_cart: 'AddToCart',
      lead: 'GenerateLead',
      consult_completed: 'GenerateLead',
      complete_registration: 'CompleteRegistration',
      signup: 'CompleteRegistration',
      page_view: 'skipped',
      consult_started: 'skipped',
      rx_issued: 'skipped',
    });
    expect(itemsOf(requests[0]).map((item) => item.conversion['event_name'])).toEqual([
      'Purchase',
      'InitiateCheckout',
      'InitiateCheckout',
      'AddToCart',
      'GenerateLead',
      'GenerateLead',
      'CompleteRegistration',
      'CompleteRegistration',
    ]);
  });

  it('sends an event mapped to Generic, and rejects a name that is not a Quora type without sending it', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [sampleEvent('consult_started', 1), sampleEvent('page_view', 2)],
      { options: { eventMap: { consult_started: 'Generic', page_view: 'PageView' } } },
    );
    expect(results[1]?.outcome).toEqual({
      status: 'rejected',
      code: 'unknown_event_name',
      reason:
        "Quora Conversion API accepts only its own conversion types (Purchase, GenerateLead, CompleteRegistration, Generic, …); 'PageView' is not one of them",
    });
    expect(itemsOf(requests[0]).map((item) => item.conversion)).toEqual([
      {
        event_name: 'Generic',
        timestamp: Date.parse('2026-01-15T11:00:00Z') * 1000,
        value: 11,
        event_id: 'bosley:consult_started:ORD-0001',
      },
    ]);
  });

  it('sends the qclid click id and the referrer from the record', async () => {
    const event = eventFromRecord({
      ...FULL_PURCHASE_RECORD,
      qclid: '0%7C212106239366182%7C0',
      referrer: 'https://www.quora.com/',
    });
    const { requests } = await runAdapter(adapter, [event]);
    const [item] = itemsOf(requests[0]);
    expect(item!.conversion['click_id']).toBe('0%7C212106239366182%7C0');
    expect(item!.device).toEqual({
      user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15',
      referer: 'https://www.quora.com/',
    });
  });

  it('leaves out values in another currency than the account currency, with a warning', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [sampleEvent('purchase_completed', 1, { currency: 'EUR' }), sampleEvent('purchase_completed', 2)],
      { options: { account_currency: 'usd' }, respond: (r) => okFor(r.body) },
    );
    expect(itemsOf(requests[0]).map((item) => item.conversion['value'])).toEqual([undefined, 12]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'delivered',
        warnings: ['value 11 EUR left out: Quora reads values in the account currency (USD)'],
      },
      { status: 'delivered' },
    ]);
  });

  it('refuses an account id that is not numeric, naming the field', async () => {
    await expect(
      runAdapter(adapter, [sampleEvent('lead')], {
        credentials: { account_id: 'acct_1', api_token: 'x'.repeat(30) },
      }),
    ).rejects.toThrow(/account_id/);
  });
});

describe('quora_pixel identity (plaintext: Quora takes PII unhashed)', () => {
  const userOf = async (overrides: Record<string, unknown>) => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, overrides)]);
    return itemsOf(requests[0])[0]!.user ?? {};
  };

  it('sends the canonical email trimmed and lower-cased, not hashed', async () => {
    expect((await userOf({ email: ' John.Doe@Example.COM ' }))['email']).toBe('john.doe@example.com');
  });

  it('leaves out already-hashed email and phone values (they cannot be sent as plaintext)', async () => {
    const hashed = 'c'.repeat(64);
    const user = await userOf({ email: hashed, phone: hashed });
    expect(user).not.toHaveProperty('email');
    expect(user).not.toHaveProperty('phone_number');
    expect(user['ip']).toBe('203.0.113.7');
  });

  it('sends phones in E.164 (default country US, else the user’s country)', async () => {
    expect((await userOf({ phone: '(555) 123-4567' }))['phone_number']).toBe('+15551234567');
    expect((await userOf({ phone: '020 7946 0958', country: 'gb' }))['phone_number']).toBe('+442079460958');
  });

  it('leaves out the user and device objects when the event has no identity', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('lead', 1, {
        email: undefined,
        phone: undefined,
        ip_address: undefined,
        user_agent: undefined,
      }),
    ]);
    expect(Object.keys(itemsOf(requests[0])[0]!)).toEqual(['conversion']);
  });
});

describe('quora_pixel responses', () => {
  it("200 multi-status: OK events delivered, ERROR events rejected with Quora's message", () => {
    expect(
      parseResponse(
        jsonResponse(200, {
          events_received: 3,
          events_errored: 1,
          events: [
            { status: 'OK', index: 0 },
            { status: 'ERROR', index: 1, error_code: 'VALUE_OUT_OF_RANGE', error_message: 'bad value' },
            { status: 'OK', index: 2 },
          ],
        }),
        mappedEvents(3, 'Purchase'),
        NO_OPTIONS,
        NOW,
      ),
    ).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'event_error',
        reason: 'Quora Conversion API rejected the event: bad value (VALUE_OUT_OF_RANGE)',
      },
      { status: 'delivered' },
    ]);
  });

  it('200 without a result for an event counts it as delivered', () => {
    expect(
      parseResponse(
        jsonResponse(200, { events_received: 2, events_errored: 0, events: [] }),
        mappedEvents(2, 'Purchase'),
        NO_OPTIONS,
        NOW,
      ),
    ).toEqual([{ status: 'delivered' }, { status: 'delivered' }]);
  });

  it('200 that received fewer events than sent, without per-event results, keeps a warning', () => {
    expect(
      parseResponse(jsonResponse(200, { events_received: 1 }), mappedEvents(2, 'Purchase'), NO_OPTIONS, NOW),
    ).toEqual(
      Array.from({ length: 2 }, () => ({
        status: 'delivered',
        warnings: ['Quora Conversion API received 1 of 2 events without saying which'],
      })),
    );
  });

  it('401 needs a new token (no refresh flow)', () => {
    expect(
      parseResponse(
        jsonResponse(401, { error: { message: 'Invalid token' } }),
        mappedEvents(1),
        NO_OPTIONS,
        NOW,
      ),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Quora Conversion API token is invalid or revoked; generate a new one in Quora Ads Manager → Conversion API: Invalid token',
    });
  });

  it('403 needs attention (token without access to the account)', () => {
    expect(
      parseResponse(jsonResponse(403, { message: 'Forbidden' }), mappedEvents(1), NO_OPTIONS, NOW),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Quora Conversion API says the token may not send conversions for this account (check account_id): Forbidden',
    });
  });

  it("other answers follow core's table with Quora's message: 400 rejected, 429 and 5xx retried", () => {
    expect(
      parseResponse(jsonResponse(400, { error: 'account_id is required' }), mappedEvents(2), NO_OPTIONS, NOW),
    ).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'Quora Conversion API rejected the request (400): account_id is required',
    });
    expect(
      parseResponse(jsonResponse(429, {}, { 'retry-after': '60' }), mappedEvents(1), NO_OPTIONS, NOW),
    ).toEqual({ status: 'retryable', reason: 'Quora Conversion API answered 429: {}', retryAfterMs: 60_000 });
    expect(
      parseResponse(
        { status: 503, headers: {}, body: 'Service Unavailable', json: undefined },
        mappedEvents(1),
        NO_OPTIONS,
        NOW,
      ),
    ).toEqual({ status: 'retryable', reason: 'Quora Conversion API answered 503: Service Unavailable' });
  });
});
