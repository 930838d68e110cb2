import { readFileSync } from 'node:fs';
import { sha256Hex } from '@relay/core';
import {
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

testAdapterConformance(adapter, {
  success: () => ({ status: 200, body: { status: 'VALID', reason: 'ok' } }),
});

/** Our own JSON Schema of the v3 request body (see __fixtures__/SOURCE.md): unknown keys fail. */
const validateRequest = new Ajv({ strict: false, allErrors: true }).compile(
  JSON.parse(readFileSync(new URL('./__fixtures__/snap-v3-request.schema.json', import.meta.url), 'utf8')),
);

type Body = { data: Array<{ user_data: Record<string, unknown>; event_name: string }> };

describe('snapchat_capi requests', () => {
  it('builds the exact body for the seed events (custom events skipped with a reason)', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "data": [
              {
                "action_source": "WEB",
                "custom_data": {
                  "currency": "USD",
                  "order_id": "2025020100003333",
                  "value": 80.79,
                },
                "event_id": "bosley:purchase_completed:2025020100003333",
                "event_name": "PURCHASE",
                "event_time": 1768472700,
                "user_data": {},
              },
            ],
          },
          "method": "POST",
          "url": "https://tr.snapchat.com/v3/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/events?access_token=example0snap0capi0token0abcdef0123456789",
        },
      ]
    `);
    expect(results.map((r) => r.outcome.status)).toEqual(['skipped', 'skipped', 'delivered']);
    expect(results[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        'Snapchat accepts only its standard events and CUSTOM_EVENT_1..CUSTOM_EVENT_5; map this event with options.eventMap (e.g. to CUSTOM_EVENT_1) to send it',
    });
  });

  it('sends the seed custom events when a credential maps them to CUSTOM_EVENT_n', async () => {
    const { requests } = await runAdapter(adapter, seedEvents(), {
      options: { eventMap: { consult_started: 'CUSTOM_EVENT_1', rx_issued: 'CUSTOM_EVENT_2' } },
    });
    expect((requests[0]!.json as Body).data.map((d) => d.event_name)).toEqual([
      'CUSTOM_EVENT_1',
      'CUSTOM_EVENT_2',
      'PURCHASE',
    ]);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]!.json).toMatchInlineSnapshot(`
      {
        "data": [
          {
            "action_source": "WEB",
            "custom_data": {
              "content_ids": [
                "SKU-1",
                "SKU-2",
              ],
              "contents": [
                {
                  "id": "SKU-1",
                  "item_price": "99.5",
                  "quantity": "1",
                },
                {
                  "id": "SKU-2",
                  "item_price": "15",
                  "quantity": "2",
                },
              ],
              "currency": "USD",
              "num_items": 3,
              "order_id": "ORD-1001",
              "value": 129.5,
            },
            "event_id": "evt_full_0001",
            "event_name": "PURCHASE",
            "event_source_url": "https://www.bosley.com/checkout/complete",
            "event_time": 1768476600,
            "user_data": {
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
              "sc_click_id": "sc-click-123",
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
  });

  it('every built body validates against the v3 spec', async () => {
    const events = [
      ...seedEvents(),
      fullPurchaseEvent(),
      sampleEvent('add_to_cart'),
      sampleEvent('page_view'),
    ];
    const { requests } = await runAdapter(adapter, events, {
      options: {
        eventMap: { consult_started: 'CUSTOM_EVENT_1', rx_issued: 'CUSTOM_EVENT_2' },
        action_source: 'OFFLINE',
      },
    });
    expect(requests).toHaveLength(1);
    for (const request of requests) {
      const valid = validateRequest(request.json);
      expect(validateRequest.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
    expect(validateRequest({ data: [{ event_name: 'PURCHASE', user_data: { email: ['x'] } }] })).toBe(false);
  });

  it('uses the validate endpoint as the test mode', async () => {
    const { requests, attempts } = await runAdapter(adapter, [sampleEvent('signup')], {
      options: { validate: true },
    });
    expect(requests[0]!.url).toBe(
      'https://tr.snapchat.com/v3/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/events/validate?access_token=example0snap0capi0token0abcdef0123456789',
    );
    expect(attempts[0]!.url).toBe(
      'https://tr.snapchat.com/v3/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/events/validate?access_token=[REDACTED]',
    );
  });

  it('refuses upper-snake-case violations in eventMap overrides', async () => {
    await expect(
      runAdapter(adapter, [sampleEvent('lead')], { options: { eventMap: { lead: 'Lead' } } }),
    ).rejects.toThrow(/eventMap\.lead/);
  });

  it('keeps events up to 37 days old and refuses older ones without sending', async () => {
    const kept = sampleEvent('purchase_completed', 1, { event_time: '2025-12-10T12:00:00Z' });
    const old = sampleEvent('purchase_completed', 2, { event_time: '2025-12-09T11:59:59Z' });
    const { results, requests } = await runAdapter(adapter, [kept, old]);
    expect(requests).toHaveLength(1);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'rejected']);
    expect(results[1]!.outcome).toMatchObject({ code: 'event_too_old' });
  });
});

describe('snapchat_capi identity', () => {
  const userData = async (overrides: Record<string, unknown>) => {
    const { requests } = await runAdapter(adapter, [sampleEvent('purchase_completed', 1, overrides)]);
    return (requests[0]!.json as Body).data[0]!.user_data;
  };

  it('hashes the canonical email after trimming and lower-casing', async () => {
    expect((await userData({ email: ' John.Doe@Example.COM ' }))['em']).toEqual([
      sha256Hex('john.doe@example.com'),
    ]);
  });

  it('passes an already-hashed value through unchanged', async () => {
    const hashed = 'd'.repeat(64);
    expect(await userData({ email: hashed, external_id: hashed })).toMatchObject({
      em: [hashed],
      external_id: [hashed],
    });
  });

  it('hashes phones as digits with the country code, no + (default country US)', async () => {
    expect((await userData({ phone: '(555) 123-4567' }))['ph']).toEqual([sha256Hex('15551234567')]);
    // Snap's own example: +44 844 412 4653 → 448444124653
    expect((await userData({ phone: '+44 844 412 4653' }))['ph']).toEqual([
      'dc008fda46e2e64002cf2f82a4906236282d431c4f75e5b60bfe79fc48546383',
    ]);
  });

  it("matches Snap's documented first-name example", async () => {
    expect((await userData({ first_name: 'John' }))['fn']).toEqual([
      '96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a',
    ]);
  });

  it('sends ip, user agent and sc_click_id unhashed', async () => {
    expect(
      await userData({ ip_address: '198.51.100.1', user_agent: 'UA/1.0', sc_click_id: 'sc-9' }),
    ).toMatchObject({
      client_ip_address: '198.51.100.1',
      client_user_agent: 'UA/1.0',
      sc_click_id: 'sc-9',
    });
  });
});

describe('snapchat_capi responses', () => {
  const events = mappedEvents(3, 'PURCHASE');

  it('delivers on {status: VALID}', () => {
    expect(parseResponse(jsonResponse(200, { status: 'VALID', reason: 'OK' }), events)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
  });

  it('rejects the event Snap names as INVALID; the others are collateral (sent again without it)', () => {
    const body = {
      status: 'INVALID',
      event: 1,
      errors: { codes: ['E_VALUE'], error_msgs: ['value must be a number'] },
    };
    expect(parseResponse(jsonResponse(400, body), events)).toEqual([
      {
        status: 'retryable',
        reason:
          'Snapchat Conversions API refused the request because event #1 of it was invalid; this event is sent again',
        collateral: true,
      },
      {
        status: 'rejected',
        code: 'invalid_event',
        reason: 'Snapchat Conversions API rejected the event: value must be a number (codes E_VALUE)',
      },
      {
        status: 'retryable',
        reason:
          'Snapchat Conversions API refused the request because event #1 of it was invalid; this event is sent again',
        collateral: true,
      },
    ]);
  });

  it('INVALID naming an event through deliver: it is rejected, the others sent again at once and delivered', async () => {
    const bodies: string[] = [];
    const { results, attempts } = await runAdapter(
      adapter,
      [1, 2, 3].map((n) => sampleEvent('purchase_completed', n)),
      {
        respond: (r) => {
          bodies.push(r.body);
          return bodies.length === 1
            ? { status: 400, body: { status: 'INVALID', event: 1, errors: { error_msgs: ['bad value'] } } }
            : { status: 200, body: { status: 'VALID' } };
        },
      },
    );
    expect(results.map((r) => r.outcome)).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'invalid_event',
        reason: 'Snapchat Conversions API rejected the event: bad value',
      },
      { status: 'delivered' },
    ]);
    expect(attempts.map((a) => a.eventIndexes)).toEqual([
      [0, 1, 2],
      [0, 2],
    ]);
    expect(bodies[1]).not.toContain('ORD-0002');
  });

  it('INVALID naming no event through deliver: one outcome for the request, not halved', async () => {
    const { results, attempts } = await runAdapter(
      adapter,
      [1, 2, 3].map((n) => sampleEvent('purchase_completed', n)),
      { respond: () => ({ status: 400, body: { status: 'INVALID', reason: 'Invalid pixel' } }) },
    );
    expect(attempts).toHaveLength(1);
    expect(results.map((r) => r.outcome)).toEqual(
      Array(3).fill({
        status: 'rejected',
        code: 'invalid_request',
        reason: 'Snapchat Conversions API rejected the request: Invalid pixel',
      }),
    );
  });

  it('rejects every event when INVALID names no event', () => {
    const body = { status: 'INVALID', reason: 'Invalid pixel', errors: { error_msgs: ['pixel not found'] } };
    expect(parseResponse(jsonResponse(200, body), mappedEvents(1))).toEqual({
      status: 'rejected',
      code: 'invalid_request',
      reason: 'Snapchat Conversions API rejected the request: pixel not found',
    });
  });

  it('maps the validate endpoint event_logs to one outcome per event', () => {
    const body = {
      status: 'INVALID',
      test_event: true,
      event_logs: [
        { event: 0, status: 'VALID', warnings: ['missing sc_click_id'] },
        { event: 2, status: 'INVALID', errors: { codes: ['E1'], error_msgs: ['bad currency'] } },
      ],
    };
    expect(parseResponse(jsonResponse(200, body), events)).toEqual([
      {
        status: 'delivered',
        warnings: [
          'Snapchat Conversions API: test event validated, not recorded as a conversion',
          'missing sc_click_id',
        ],
      },
      {
        status: 'delivered',
        warnings: [
          'Snapchat Conversions API: test event sent to /events/validate, not recorded as a conversion',
        ],
      },
      {
        status: 'rejected',
        code: 'invalid_event',
        reason: 'Snapchat Conversions API rejected the event: bad currency (codes E1)',
      },
    ]);
  });

  it('401: the static token is refused, a person replaces it (no refresh)', () => {
    const body = { status: 'INVALID', errors: { error_msgs: ['token expired'] } };
    expect(parseResponse(jsonResponse(401, body), mappedEvents(2))).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Snapchat Conversions API refused the Conversions API token (401); generate a new one in Business Manager (Business Details, Conversions API Tokens) and replace it: token expired',
    });
    expect(parseResponse({ status: 401, headers: {}, body: '', json: undefined }, mappedEvents(1))).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Snapchat Conversions API refused the Conversions API token (401); generate a new one in Business Manager (Business Details, Conversions API Tokens) and replace it: HTTP 401',
    });
  });

  it('401 through deliver: one request, the credential needs attention, nothing sent again', async () => {
    const { results, attempts } = await runAdapter(adapter, [sampleEvent('purchase_completed')], {
      respond: () => ({ status: 401, body: { status: 'INVALID', reason: 'Unauthorized request' } }),
    });
    expect(attempts).toHaveLength(1);
    expect(results[0]!.outcome).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Snapchat Conversions API refused the Conversions API token (401); generate a new one in Business Manager (Business Details, Conversions API Tokens) and replace it: Unauthorized request',
    });
  });

  it('keeps the HTTP meaning for 403, 429 and 5xx, with the error messages', () => {
    const body = { status: 'INVALID', errors: { error_msgs: ['no access to pixel'] } };
    expect(parseResponse(jsonResponse(403, body), mappedEvents(1))).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'Snapchat Conversions API denied access (403): no access to pixel',
    });
    expect(parseResponse(jsonResponse(429, {}, { 'retry-after': '5' }), mappedEvents(1))).toMatchObject({
      status: 'retryable',
      retryAfterMs: 5000,
    });
  });

  it('falls back to the HTTP status table for other errors', () => {
    expect(
      parseResponse({ status: 404, headers: {}, body: 'not found', json: undefined }, mappedEvents(1)),
    ).toEqual({
      status: 'rejected',
      code: 'http_404',
      reason: 'Snapchat Conversions API rejected the request (404): not found',
    });
  });
});
