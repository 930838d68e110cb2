import { type HttpResponse, type MappedEvent, sha256Hex } from '@relay/core';
import {
  eventFromRecord,
  openApiValidator,
  readSpecFile,
  fullPurchaseEvent,
  runAdapter,
  sampleEvent,
  SEED_BATCH,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

type Body = { data: Array<Record<string, unknown> & { user_data: Record<string, unknown> }> };

const processedFor = (body: string) => {
  const count = (JSON.parse(body) as Body).data.length;
  return {
    num_events_received: count,
    num_events_processed: count,
    events: Array.from({ length: count }, () => ({
      status: 'processed',
      error_message: null,
      warning_message: null,
    })),
  };
};

testAdapterConformance(adapter, { success: (r) => ({ status: 200, body: processedFor(r.body) }) });

/** The vendor's own schema: `#/components/schemas/ConversionEvents` of the v5 spec. */
const validateConversionEvents = openApiValidator(
  readSpecFile(new URL('./__fixtures__/openapi.trimmed.json', import.meta.url)),
  '#/components/schemas/ConversionEvents',
);

const expectValidBody = (json: unknown) => expect(validateConversionEvents(json)).toEqual([]);

/** The seed batch's records with the customer email the OMS knows for each order. */
const seedEventsWithEmail = () =>
  SEED_BATCH.data.map((record, i) => eventFromRecord({ ...record, email: `customer${i + 1}@example.com` }));

const mapped = (count: number): MappedEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    event: sampleEvent('purchase_completed', i + 1),
    name: 'checkout',
    custom: false,
  }));

const response = (status: number, json: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: JSON.stringify(json),
  json,
});

describe('pinterest_capi requests', () => {
  it('rejects the bare seed events without sending: Pinterest needs an email or IP + user agent', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'rejected',
        code: 'missing_user_data',
        reason:
          'Pinterest Conversions API needs a hashed email, or the client IP address together with the user agent; this event has neither',
      })),
    );
  });

  it('builds the exact body for the seed events once they carry an email', async () => {
    const { requests, results } = await runAdapter(adapter, seedEventsWithEmail(), {
      respond: (r) => ({ status: 200, body: processedFor(r.body) }),
    });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "data": [
              {
                "action_source": "web",
                "custom_data": {
                  "order_id": "2025010100001111",
                },
                "event_id": "bosley:consult_started:2025010100001111",
                "event_name": "custom",
                "event_time": 1768472100,
                "user_data": {
                  "em": [
                    "b4133380ccd33e9fea010c5c961c1b766f4bf70ca30a4026a65c6854c8921fda",
                  ],
                },
              },
              {
                "action_source": "web",
                "custom_data": {
                  "order_id": "2025010100002222",
                },
                "event_id": "pfizer:rx_issued:2025010100002222",
                "event_name": "custom",
                "event_time": 1768472430,
                "user_data": {
                  "em": [
                    "bc8ff7bc9cbcf078d9e537b9b6098f8d50fe7142086c6aabf6841a7714679c30",
                  ],
                },
              },
              {
                "action_source": "web",
                "custom_data": {
                  "currency": "USD",
                  "order_id": "2025020100003333",
                  "value": "80.79",
                },
                "event_id": "bosley:purchase_completed:2025020100003333",
                "event_name": "checkout",
                "event_time": 1768472700,
                "user_data": {
                  "em": [
                    "4c7d03d328bed7e9babb9d5abb9216a1b14d5feeb82890816b090521072a5827",
                  ],
                },
              },
            ],
          },
          "method": "POST",
          "url": "https://api.pinterest.com/v5/ad_accounts/549755885175/events",
        },
      ]
    `);
    expect(requests[0]?.headers['authorization']).toBe(
      'Bearer pina_AEAexampleConversionToken0123456789abcdef',
    );
    expectValidBody(requests[0]?.json);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "data": [
          {
            "action_source": "web",
            "custom_data": {
              "content_ids": [
                "SKU-1",
                "SKU-2",
              ],
              "contents": [
                {
                  "id": "SKU-1",
                  "item_category": "kits",
                  "item_name": "Hair Regrowth Kit",
                  "item_price": "99.5",
                  "quantity": 1,
                },
                {
                  "id": "SKU-2",
                  "item_category": "care",
                  "item_name": "Shampoo",
                  "item_price": "15",
                  "quantity": 2,
                },
              ],
              "currency": "USD",
              "num_items": 3,
              "order_id": "ORD-1001",
              "value": "129.5",
            },
            "event_id": "evt_full_0001",
            "event_name": "checkout",
            "event_source_url": "https://www.bosley.com/checkout/complete",
            "event_time": 1768476600,
            "opt_out": true,
            "user_data": {
              "click_id": "dj0yJnU9test-epik",
              "client_ip_address": "203.0.113.7",
              "client_user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
              "country": [
                "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621",
              ],
              "ct": [
                "350c754ba4d38897693aa077ef43072a859d23f613443133fecbbd90a3512ca5",
              ],
              "em": [
                "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
              ],
              "external_id": [
                "2b1cb0b84296c10ce6cc722d09a874d1f0cc1865615cb94ee50e62354aec017b",
              ],
              "fn": [
                "96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a",
              ],
              "ln": [
                "799ef92a11af918e3fb741df42934f3b568ed2d93ac1df74f1b8d41a27932a6f",
              ],
              "ph": [
                "d6736136ea896c1bfdc553e0e86e702c70d060d805696ca3e4e9e0961353860a",
              ],
              "st": [
                "1b06e2003f8420d6fa42badd8f77ec0f706b976b7a48b13c567dc5a559681683",
              ],
              "zp": [
                "e443169117a184f91186b401133b20be670c7c0896f9886075e5d9b81e9d076b",
              ],
            },
          },
        ],
      }
    `);
    expectValidBody(requests[0]?.json);
  });

  it('sends ?test=true, the action source, partner name and LDP flag from the options', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], {
      options: {
        test: true,
        action_source: 'offline',
        partner_name: 'ss-relay',
        limited_data_processing: true,
      },
    });
    expect(requests[0]?.url).toBe('https://api.pinterest.com/v5/ad_accounts/549755885175/events?test=true');
    const event = (requests[0]!.json as Body).data[0]!;
    expect(event).toMatchObject({
      event_name: 'lead',
      action_source: 'offline',
      partner_name: 'ss-relay',
      custom_data: { opt_out_type: 'LDP' },
    });
    expectValidBody(requests[0]?.json);
  });

  it('sends every canonical event as a valid body (custom ones as the generic custom event)', async () => {
    const names = [
      'purchase_completed',
      'checkout_started',
      'add_to_cart',
      'consult_completed',
      'signup',
      'page_view',
      'rx_issued',
    ];
    const { requests } = await runAdapter(
      adapter,
      names.map((name, i) => sampleEvent(name, i + 1)),
    );
    expect((requests[0]!.json as Body).data.map((e) => e['event_name'])).toEqual([
      'checkout',
      'initiate_checkout',
      'add_to_cart',
      'lead',
      'signup',
      'page_visit',
      'custom',
    ]);
    expectValidBody(requests[0]?.json);
  });

  it('rejects an override to a name Pinterest does not accept, and sends the rest', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [sampleEvent('rx_issued', 1), sampleEvent('lead', 2)],
      {
        options: { eventMap: { rx_issued: 'Prescription' } },
      },
    );
    expect(results[0]?.outcome).toEqual({
      status: 'rejected',
      code: 'unknown_event_name',
      reason:
        "Pinterest Conversions API accepts only its own event names (checkout, lead, signup, custom, …); 'Prescription' is not one of them",
    });
    expect(requests).toHaveLength(1);
    expect((requests[0]!.json as Body).data.map((e) => e['event_id'])).toEqual(['bosley:lead:ORD-0002']);
  });

  it('accepts IP + user agent without an email', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('page_view', 1, { email: undefined, phone: undefined }),
    ]);
    const userData = (requests[0]!.json as Body).data[0]!.user_data;
    expect(userData['em']).toBeUndefined();
    expect(userData).toMatchObject({ client_ip_address: '203.0.113.7', client_user_agent: 'Mozilla/5.0' });
    expectValidBody(requests[0]?.json);
  });

  it('sends opt_out from consent: denied → true, granted → false, unknown → absent', async () => {
    const optOut = async (overrides: Record<string, unknown>) => {
      const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, overrides)]);
      return (requests[0]!.json as Body).data[0]!['opt_out'];
    };
    expect(await optOut({ consent_ad_user_data: 'denied' })).toBe(true);
    expect(await optOut({ consent_ad_user_data: 'granted', consent_ad_personalization: 'granted' })).toBe(
      false,
    );
    expect(await optOut({})).toBeUndefined();
  });
});

describe('pinterest_capi identity', () => {
  const userData = async (overrides: Record<string, unknown>) => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, overrides)]);
    return (requests[0]!.json as Body).data[0]!.user_data;
  };

  it('hashes the canonical email after trimming and lower-casing', async () => {
    expect((await userData({ email: ' John.Doe@Example.COM ' }))['em']).toEqual([
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    ]);
    expect(sha256Hex('john.doe@example.com')).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
  });

  it('passes already-hashed values through unchanged', async () => {
    const hashed = 'c'.repeat(64);
    const data = await userData({ email: hashed, phone: hashed, external_id: hashed });
    expect([data['em'], data['ph'], data['external_id']]).toEqual([[hashed], [hashed], [hashed]]);
  });

  it('hashes phones as digits with the country code (default US), no +', async () => {
    expect((await userData({ phone: '(555) 123-4567' }))['ph']).toEqual([sha256Hex('15551234567')]);
    expect((await userData({ phone: '+44 20 7946 0958' }))['ph']).toEqual([sha256Hex('442079460958')]);
  });

  it('sends IP, user agent and the epik click id unhashed', async () => {
    const data = await userData({ epik: 'dj0yJnU9abc' });
    expect([data['client_ip_address'], data['client_user_agent'], data['click_id']]).toEqual([
      '203.0.113.7',
      'Mozilla/5.0',
      'dj0yJnU9abc',
    ]);
  });
});

describe('pinterest_capi responses', () => {
  it('maps a 200 with per-event statuses: processed, processed with warning, failed', () => {
    const outcomes = parseResponse(
      response(200, {
        num_events_received: 3,
        num_events_processed: 2,
        events: [
          { status: 'processed', error_message: null, warning_message: null },
          { status: 'processed', error_message: null, warning_message: 'Event has a non-standard currency' },
          { status: 'failed', error_message: 'event_time is too far in the past', warning_message: null },
        ],
      }),
      mapped(3),
    );
    expect(outcomes).toEqual([
      { status: 'delivered' },
      { status: 'delivered', warnings: ['Event has a non-standard currency'] },
      {
        status: 'rejected',
        code: 'event_failed',
        reason: 'Pinterest Conversions API did not process the event: event_time is too far in the past',
      },
    ]);
  });

  it('delivers a 200 without per-event statuses, warning when fewer were processed', () => {
    expect(
      parseResponse(response(200, { num_events_received: 2, num_events_processed: 2 }), mapped(2)),
    ).toEqual([{ status: 'delivered' }, { status: 'delivered' }]);
    expect(
      parseResponse(response(200, { num_events_received: 2, num_events_processed: 1 }), mapped(2)),
    ).toEqual(
      Array.from({ length: 2 }, () => ({
        status: 'delivered',
        warnings: ['Pinterest Conversions API processed 1 of 2 events without saying which'],
      })),
    );
  });

  it('maps a 422 "not all events processed" per event when it lists them, else rejects all', () => {
    const perEvent = parseResponse(
      response(422, {
        code: 4195,
        message: 'Not all events were successfully processed.',
        details: { events: [{ status: 'processed' }, { status: 'failed', error_message: 'invalid em' }] },
      }),
      mapped(2),
    );
    expect(perEvent).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'event_failed',
        reason: 'Pinterest Conversions API did not process the event: invalid em',
      },
    ]);
    expect(
      parseResponse(
        response(422, { code: 4195, message: 'Not all events were processed.', details: {} }),
        mapped(2),
      ),
    ).toEqual({
      status: 'rejected',
      code: 'not_all_processed',
      reason:
        'Pinterest Conversions API did not process all events: Not all events were processed. (code 4195)',
    });
  });

  it('code 8 (429 rate limit) is retryable (core applies Retry-After; the kit checks it)', () => {
    expect(
      parseResponse(
        response(429, { code: 8, message: 'This request exceeded a rate limit.' }, { 'retry-after': '30' }),
        mapped(1),
      ),
    ).toEqual({
      status: 'retryable',
      reason:
        'Pinterest Conversions API rate limit (5,000 calls/min per ad account): This request exceeded a rate limit. (code 8)',
    });
  });

  it('code 4197 (503 endpoint ramped down) is retryable', () => {
    expect(
      parseResponse(response(503, { code: 4197, message: 'The endpoint has been ramped down.' }), mapped(1)),
    ).toEqual({
      status: 'retryable',
      reason:
        'Pinterest Conversions API endpoint is ramped down for now: The endpoint has been ramped down. (code 4197)',
    });
  });

  it('code 2 (401 authentication failed) needs a new token', () => {
    expect(parseResponse(response(401, { code: 2, message: 'Authentication failed.' }), mapped(1))).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Pinterest Conversions API conversion token is invalid or revoked; generate a new one in Ads Manager: Authentication failed. (code 2)',
    });
  });

  it('a 401 without a code also needs a new token (conversion tokens cannot be refreshed)', () => {
    expect(parseResponse(response(401, {}), mapped(1))).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Pinterest Conversions API conversion token is invalid or revoked; generate a new one in Ads Manager: no message',
    });
  });

  it('code 29 (403 not permitted) needs a role on the ad account', () => {
    expect(
      parseResponse(
        response(403, { code: 29, message: 'You are not permitted to access that resource.' }),
        mapped(1),
      ),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        "Pinterest Conversions API says the token's user has no Admin, Analyst, Audience or Campaign role on this ad account: You are not permitted to access that resource. (code 29)",
    });
  });

  it('code 4196 (400 invalid request) rejects the batch', () => {
    expect(
      parseResponse(response(400, { code: 4196, message: 'The request was invalid.' }), mapped(2)),
    ).toEqual({
      status: 'rejected',
      code: 'invalid_request',
      reason: 'Pinterest Conversions API rejected the request: The request was invalid. (code 4196)',
    });
  });

  it('falls back to the HTTP status for codes outside the table', () => {
    expect(parseResponse(response(500, { code: 1, message: 'Internal error' }), mapped(1))).toEqual({
      status: 'retryable',
      reason: 'Pinterest Conversions API answered 500: Internal error (code 1)',
    });
    expect(parseResponse(response(404, { code: 3, message: 'Ad account not found' }), mapped(1))).toEqual({
      status: 'rejected',
      code: 'http_404',
      reason: 'Pinterest Conversions API rejected the request (404): Ad account not found (code 3)',
    });
  });
});
