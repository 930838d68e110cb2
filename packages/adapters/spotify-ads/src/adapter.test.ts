import { sha256Hex } from '@relay/core';
import {
  eventFromRecord,
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  runAdapter,
  sampleEvent,
  SEED_BATCH,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

testAdapterConformance(adapter);

type Body = {
  conversion_events: {
    capi_connection_id: string;
    events: Array<Record<string, unknown> & { user_data: Record<string, unknown> }>;
  };
};

const eventsOf = (json: unknown) => (json as Body).conversion_events.events;

/** The seed batch's records with the customer email the OMS knows for each order. */
const seedEventsWithEmail = () =>
  SEED_BATCH.data.map((record, i) => eventFromRecord({ ...record, email: `customer${i + 1}@example.com` }));

describe('spotify_ads requests', () => {
  it('skips the seed custom events and rejects the bare purchase without sending: Spotify needs an identifier', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'skipped',
        reason:
          "Spotify's Conversions API takes only its own event names; map this event to a reserved slot (CUSTOM_EVENT_1 … CUSTOM_EVENT_5) with options.eventMap to send it",
      },
      {
        status: 'skipped',
        reason:
          "Spotify's Conversions API takes only its own event names; map this event to a reserved slot (CUSTOM_EVENT_1 … CUSTOM_EVENT_5) with options.eventMap to send it",
      },
      {
        status: 'rejected',
        code: 'missing_user_data',
        reason:
          'Spotify Conversions API needs at least one identifier (client IP, hashed email or hashed phone); this event has none',
      },
    ]);
  });

  it('builds the exact body for the seed events once they carry an email, custom events in reserved slots', async () => {
    const { requests, results } = await runAdapter(adapter, seedEventsWithEmail(), {
      options: { eventMap: { consult_started: 'CUSTOM_EVENT_1', rx_issued: 'CUSTOM_EVENT_2' } },
    });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests[0]?.headers['authorization']).toBe('Bearer spcapi_example_access_token_0123456789abcdef');
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "conversion_events": {
              "capi_connection_id": "3f2b8c1e-7d4a-4e9b-a1c6-5e8f0d2b9a47",
              "events": [
                {
                  "action_source": "WEB",
                  "event_id": "bosley:consult_started:2025010100001111",
                  "event_name": "CUSTOM_EVENT_1",
                  "event_time": "2026-01-15T10:15:00.000Z",
                  "opt_out_targeting": false,
                  "user_data": {
                    "hashed_emails": [
                      "b4133380ccd33e9fea010c5c961c1b766f4bf70ca30a4026a65c6854c8921fda",
                    ],
                  },
                },
                {
                  "action_source": "WEB",
                  "event_id": "pfizer:rx_issued:2025010100002222",
                  "event_name": "CUSTOM_EVENT_2",
                  "event_time": "2026-01-15T10:20:30.000Z",
                  "opt_out_targeting": false,
                  "user_data": {
                    "hashed_emails": [
                      "bc8ff7bc9cbcf078d9e537b9b6098f8d50fe7142086c6aabf6841a7714679c30",
                    ],
                  },
                },
                {
                  "action_source": "WEB",
                  "event_details": {
                    "amount": 80.79,
                    "currency": "USD",
                  },
                  "event_id": "bosley:purchase_completed:2025020100003333",
                  "event_name": "PURCHASE",
                  "event_time": "2026-01-15T10:25:00.000Z",
                  "opt_out_targeting": false,
                  "user_data": {
                    "hashed_emails": [
                      "4c7d03d328bed7e9babb9d5abb9216a1b14d5feeb82890816b090521072a5827",
                    ],
                  },
                },
              ],
            },
          },
          "method": "POST",
          "url": "https://capi.spotify.com/capi-direct/events/",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "conversion_events": {
          "capi_connection_id": "3f2b8c1e-7d4a-4e9b-a1c6-5e8f0d2b9a47",
          "events": [
            {
              "action_source": "WEB",
              "event_details": {
                "amount": 129.5,
                "currency": "USD",
              },
              "event_id": "evt_full_0001",
              "event_name": "PURCHASE",
              "event_source_url": "https://www.bosley.com/checkout/complete",
              "event_time": "2026-01-15T11:30:00.000Z",
              "opt_out_targeting": true,
              "user_data": {
                "hashed_emails": [
                  "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
                ],
                "hashed_phone_number": "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
                "ip_address": "203.0.113.7",
              },
            },
          ],
        },
      }
    `);
  });

  it('hashes the email trimmed and lower-cased, and passes a 64-hex email through unchanged', async () => {
    const hex = 'AB'.repeat(32);
    const { requests } = await runAdapter(adapter, [
      sampleEvent('lead', 1, { email: ' John.Doe@Example.COM ' }),
      sampleEvent('lead', 2, { email: hex }),
    ]);
    const [first, second] = eventsOf(requests[0]!.json);
    expect(first!.user_data['hashed_emails']).toEqual([sha256Hex('john.doe@example.com')]);
    expect(sha256Hex('john.doe@example.com')).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
    expect(second!.user_data['hashed_emails']).toEqual([hex.toLowerCase()]);
  });

  it('hashes the phone as E.164 by default and as digits with phone_format: digits', async () => {
    const event = sampleEvent('lead', 1, { phone: '(555) 123-4567' });
    const e164 = await runAdapter(adapter, [event]);
    const digits = await runAdapter(adapter, [event], { options: { phone_format: 'digits' } });
    expect(eventsOf(e164.requests[0]!.json)[0]!.user_data['hashed_phone_number']).toBe(
      '8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4',
    );
    expect(sha256Hex('+15551234567')).toBe(
      '8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4',
    );
    expect(eventsOf(digits.requests[0]!.json)[0]!.user_data['hashed_phone_number']).toBe(
      'd6736136ea896c1bfdc553e0e86e702c70d060d805696ca3e4e9e0961353860a',
    );
    expect(sha256Hex('15551234567')).toBe('d6736136ea896c1bfdc553e0e86e702c70d060d805696ca3e4e9e0961353860a');
  });

  it("reads the phone's country from the event before the default country", async () => {
    const event = sampleEvent('lead', 1, { phone: '020 7946 0958', country: 'GB' });
    const { requests } = await runAdapter(adapter, [event]);
    expect(eventsOf(requests[0]!.json)[0]!.user_data['hashed_phone_number']).toBe(sha256Hex('+442079460958'));
  });

  it('sends an event identified by its IP address alone', async () => {
    const event = sampleEvent('page_view', 1, { email: undefined, phone: undefined });
    const { requests } = await runAdapter(adapter, [event]);
    expect(eventsOf(requests[0]!.json)[0]!.user_data).toEqual({ ip_address: '203.0.113.7' });
  });

  it('rejects an eventMap override that is not a Spotify event name, sending the others', async () => {
    const { requests, results, attempts } = await runAdapter(
      adapter,
      [sampleEvent('consult_started'), sampleEvent('lead')],
      {
        options: { eventMap: { consult_started: 'Consult' } },
      },
    );
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'unknown_event_name',
      reason:
        "Spotify Conversions API accepts only PURCHASE, LEAD, ADD_TO_CART, CHECK_OUT, PRODUCT, VIEW, SIGN_UP and CUSTOM_EVENT_1 … 5; 'Consult' is not one of them",
    });
    expect(results[1]!.outcome.status).toBe('delivered');
    expect(eventsOf(requests[0]!.json).map((e) => e['event_name'])).toEqual(['LEAD']);
    expect(attempts.map((a) => a.eventIndexes)).toEqual([[1]]);
  });

  it('sends action_source and the default opt_out_targeting from the options; consent on the event wins', async () => {
    const { requests } = await runAdapter(
      adapter,
      [
        sampleEvent('purchase_completed', 1),
        sampleEvent('purchase_completed', 2, { consent_ad_personalization: 'granted' }),
        sampleEvent('purchase_completed', 3, { consent_ad_user_data: 'denied' }),
      ],
      { options: { action_source: 'OFFLINE', opt_out_targeting: true } },
    );
    expect(eventsOf(requests[0]!.json).map((e) => [e['action_source'], e['opt_out_targeting']])).toEqual([
      ['OFFLINE', true],
      ['OFFLINE', false],
      ['OFFLINE', true],
    ]);
  });

  it('leaves out an event_source_url that is not http(s), and event_details without a value', async () => {
    const event = sampleEvent('page_view', 1, { page_url: 'app://home', order_revenue: undefined });
    const { requests } = await runAdapter(adapter, [event]);
    const sent = eventsOf(requests[0]!.json)[0]!;
    expect(sent).not.toHaveProperty('event_source_url');
    expect(sent).not.toHaveProperty('event_details');
  });

  it('keeps at most 100 events per request', async () => {
    const events = Array.from({ length: 201 }, (_, i) => sampleEvent('purchase_completed', i + 1));
    const { requests } = await runAdapter(adapter, events);
    expect(requests.map((r) => eventsOf(r.json).length)).toEqual([100, 100, 1]);
  });
});

describe('spotify_ads responses', () => {
  const now = new Date('2026-01-15T12:00:00Z');

  it('2xx → every event delivered', () => {
    expect(parseResponse(jsonResponse(200, {}), mappedEvents(2, 'PURCHASE'), now)).toEqual({
      status: 'delivered',
    });
  });

  it('error map: 401 → needs attention (CAPI tokens have no refresh flow)', () => {
    const outcome = {
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Spotify Conversions API refused the CAPI access token (401); generate a new one for this connection in Ads Manager: {"error":"unauthorized"}',
    };
    expect(
      parseResponse(jsonResponse(401, { error: 'unauthorized' }), mappedEvents(2, 'PURCHASE'), now),
    ).toEqual(outcome);
  });

  it.each([
    [
      400,
      {
        status: 'rejected',
        code: 'http_400',
        reason: 'Spotify Conversions API rejected the request (400): {"error":"invalid content_category"}',
      },
    ],
    [
      403,
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'Spotify Conversions API denied access (403): {"error":"invalid content_category"}',
      },
    ],
    [
      500,
      {
        status: 'retryable',
        reason: 'Spotify Conversions API answered 500: {"error":"invalid content_category"}',
      },
    ],
  ])('HTTP %i follows the default table', (status, expected) => {
    expect(
      parseResponse(
        jsonResponse(status, { error: 'invalid content_category' }),
        mappedEvents(1, 'PURCHASE'),
        now,
      ),
    ).toEqual(expected);
  });

  it('429 → retryable with Retry-After', () => {
    expect(
      parseResponse(jsonResponse(429, {}, { 'retry-after': '30' }), mappedEvents(1, 'PURCHASE'), now),
    ).toEqual({
      status: 'retryable',
      reason: 'Spotify Conversions API answered 429: {}',
      retryAfterMs: 30_000,
    });
  });
});
