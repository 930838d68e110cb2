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
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

testAdapterConformance(adapter, {
  success: (r) => ({ status: 200, body: { events_received: (r.json as { data: unknown[] }).data.length } }),
});

const metaError = (code: number, subcode?: number, extra: Record<string, unknown> = {}) =>
  jsonResponse(400, {
    error: {
      message: 'Invalid parameter',
      type: 'OAuthException',
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
      fbtrace_id: 'AbC123',
      ...extra,
    },
  });

describe('meta_capi checks before sending', () => {
  const NO_CUSTOMER_INFORMATION = {
    status: 'rejected',
    code: 'missing_customer_information',
    reason:
      'Meta needs at least one customer-information parameter to match an event (email, phone, name, city/state/zip/country, external id, IP address, user agent, fbc or fbp); this record carries none: send the customer email or the browser IP and user agent with it',
  };

  it('refuses the seed events (no customer information) locally and sends the identified purchase alone', async () => {
    const { requests, results } = await runAdapter(adapter, [...seedEvents(), fullPurchaseEvent()]);
    expect(results.map((r) => r.outcome)).toEqual([
      NO_CUSTOMER_INFORMATION,
      NO_CUSTOMER_INFORMATION,
      NO_CUSTOMER_INFORMATION,
      { status: 'delivered' },
    ]);
    expect(requests).toHaveLength(1);
    expect((requests[0]!.json as { data: Array<{ event_id: string }> }).data.map((e) => e.event_id)).toEqual([
      fullPurchaseEvent().dedupKey,
    ]);
  });

  it('refuses a Purchase without a value, with a reason', async () => {
    const noValue = sampleEvent('purchase_completed', 1, { order_revenue: undefined });
    expect(noValue.value).toBeUndefined();
    const { requests, results } = await runAdapter(adapter, [noValue]);
    expect(requests).toHaveLength(0);
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_purchase_value',
      reason:
        'Meta requires value and currency on a Purchase; this one has no value: send the order total with it',
    });
  });
});

describe('meta_capi requests', () => {
  it('builds the exact body for the seed events (with an IP address, so Meta can match them)', async () => {
    const { requests } = await runAdapter(adapter, seedEvents({ ip_address: '203.0.113.7' }));
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "data": [
              {
                "action_source": "other",
                "custom_data": {
                  "order_id": "2025010100001111",
                },
                "event_id": "bosley:consult_started:2025010100001111",
                "event_name": "consult_started",
                "event_time": 1768472100,
                "user_data": {
                  "client_ip_address": "203.0.113.7",
                },
              },
              {
                "action_source": "other",
                "custom_data": {
                  "order_id": "2025010100002222",
                },
                "event_id": "pfizer:rx_issued:2025010100002222",
                "event_name": "rx_issued",
                "event_time": 1768472430,
                "user_data": {
                  "client_ip_address": "203.0.113.7",
                },
              },
              {
                "action_source": "other",
                "custom_data": {
                  "currency": "USD",
                  "order_id": "2025020100003333",
                  "value": 80.79,
                },
                "event_id": "bosley:purchase_completed:2025020100003333",
                "event_name": "Purchase",
                "event_time": 1768472700,
                "user_data": {
                  "client_ip_address": "203.0.113.7",
                },
              },
            ],
          },
          "method": "POST",
          "url": "https://graph.facebook.com/v25.0/123456789012345/events",
        },
      ]
    `);
    expect(requests[0]?.headers['authorization']).toBe('Bearer EAAGexampleSystemUserToken0123456789abcdef');
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "data": [
          {
            "action_source": "website",
            "custom_data": {
              "content_ids": [
                "SKU-1",
                "SKU-2",
              ],
              "content_type": "product",
              "contents": [
                {
                  "id": "SKU-1",
                  "item_price": 99.5,
                  "quantity": 1,
                },
                {
                  "id": "SKU-2",
                  "item_price": 15,
                  "quantity": 2,
                },
              ],
              "currency": "USD",
              "num_items": 3,
              "order_id": "ORD-1001",
              "value": 129.5,
            },
            "event_id": "evt_full_0001",
            "event_name": "Purchase",
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
              "fbc": "fb.1.1736935200000.IwAR0abc",
              "fbp": "fb.1.1736935100000.123456789",
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
  });

  it('sends test_event_code, a pinned api_version, an explicit action_source and LDU', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead')], {
      options: {
        test_event_code: 'TEST12345',
        api_version: 'v24.0',
        action_source: 'physical_store',
        limited_data_use: true,
      },
    });
    expect(requests[0]?.url).toBe('https://graph.facebook.com/v24.0/123456789012345/events');
    expect(requests[0]?.json).toMatchObject({
      test_event_code: 'TEST12345',
      data: [
        {
          event_name: 'Lead',
          action_source: 'physical_store',
          data_processing_options: ['LDU'],
          data_processing_options_country: 0,
          data_processing_options_state: 0,
        },
      ],
    });
  });

  it('builds fbc from fbclid with the event time when the cookie is absent', async () => {
    const event = sampleEvent('purchase_completed', 1, { fbclid: 'IwAR0xyz', fbp: undefined });
    const { requests } = await runAdapter(adapter, [event]);
    const data = (requests[0]!.json as { data: Array<{ user_data: Record<string, unknown> }> }).data[0]!;
    expect(data.user_data['fbc']).toBe('fb.1.1768474800000.IwAR0xyz');
  });

  it('sanitises custom event names and honours per-credential overrides', async () => {
    const events = [
      sampleEvent('rx.issued/v2', 1),
      sampleEvent('rx_issued', 2),
      sampleEvent('consult_started', 3),
    ];
    const { requests, results } = await runAdapter(adapter, events, {
      options: { eventMap: { rx_issued: null, consult_started: 'Schedule' } },
    });
    const names = (requests[0]!.json as { data: Array<{ event_name: string }> }).data.map(
      (d) => d.event_name,
    );
    expect(names).toEqual(['rx_issued_v2', 'Schedule']);
    expect(results[1]?.outcome).toEqual({
      status: 'skipped',
      reason: "event 'rx_issued' is mapped to nothing for this credential",
    });
  });

  it('refuses events older than seven days without sending them', async () => {
    const old = sampleEvent('purchase_completed', 1, { event_time: '2026-01-08T11:59:59Z' });
    const { results, requests } = await runAdapter(adapter, [old]);
    expect(requests).toHaveLength(0);
    expect(results[0]?.outcome).toMatchObject({ status: 'rejected', code: 'event_too_old' });
  });
});

describe('meta_capi identity', () => {
  const userData = async (overrides: Record<string, unknown>) => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, overrides)]);
    return (requests[0]!.json as { data: Array<{ user_data: Record<string, unknown> }> }).data[0]!.user_data;
  };

  it('hashes the canonical email after trimming and lower-casing', async () => {
    expect((await userData({ email: ' John.Doe@Example.COM ' }))['em']).toEqual([
      sha256Hex('john.doe@example.com'),
    ]);
    expect(sha256Hex('john.doe@example.com')).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
  });

  it('passes an already-hashed value through unchanged', async () => {
    const hashed = 'b'.repeat(64);
    expect((await userData({ email: hashed, external_id: hashed }))['em']).toEqual([hashed]);
  });

  it('hashes phones as E.164 digits without + (default country US)', async () => {
    expect((await userData({ phone: '(555) 123-4567' }))['ph']).toEqual([sha256Hex('15551234567')]);
  });

  it('sends ip, user agent, fbc and fbp unhashed', async () => {
    const data = await userData({
      ip_address: '198.51.100.1',
      user_agent: 'UA/1.0',
      fbc: 'fb.1.1.abc',
      fbp: 'fb.1.2.def',
    });
    expect(data).toMatchObject({
      client_ip_address: '198.51.100.1',
      client_user_agent: 'UA/1.0',
      fbc: 'fb.1.1.abc',
      fbp: 'fb.1.2.def',
    });
  });
});

describe('meta_capi responses', () => {
  it('delivers on 200 with events_received', () => {
    expect(
      parseResponse(
        jsonResponse(200, { events_received: 2, messages: [], fbtrace_id: 'x' }),
        mappedEvents(2),
      ),
    ).toEqual({ status: 'delivered' });
  });

  it('keeps Meta messages and a short events_received count as warnings', () => {
    expect(
      parseResponse(jsonResponse(200, { events_received: 1, messages: ['slow down'] }), mappedEvents(2)),
    ).toEqual({
      status: 'delivered',
      warnings: ['slow down', 'Meta Conversions API received 1 of 2 events'],
    });
  });

  it.each([4, 17, 32, 341, 613, 80003, 80004])('retries throttling code %i sent as HTTP 400', (code) => {
    expect(parseResponse(metaError(code), mappedEvents(2))).toEqual({
      status: 'retryable',
      reason: `Meta Conversions API is throttling: Invalid parameter (code ${code}, fbtrace_id AbC123)`,
    });
  });

  it.each([1, 2])('retries temporary code %i', (code) => {
    expect(parseResponse(metaError(code), mappedEvents(1))).toMatchObject({
      status: 'retryable',
    });
  });

  it('flags an expired or invalid token (190) for a person: system-user tokens cannot be refreshed', () => {
    expect(parseResponse(metaError(190, 463), mappedEvents(1))).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Meta Conversions API access token is expired or invalid; generate a new one in Events Manager: Invalid parameter (code 190/463, fbtrace_id AbC123)',
    });
    expect(parseResponse(metaError(102), mappedEvents(1))).toMatchObject({
      status: 'auth',
      kind: 'needs-attention',
    });
  });

  it.each([3, 10, 200, 294])('flags permission code %i for a person', (code) => {
    expect(parseResponse(metaError(code), mappedEvents(1))).toMatchObject({
      status: 'auth',
      kind: 'needs-attention',
    });
  });

  it('flags code 100/33 (pixel not found or not shared) for a person', () => {
    expect(parseResponse(metaError(100, 33), mappedEvents(1))).toMatchObject({
      status: 'auth',
      kind: 'needs-attention',
    });
  });

  it('rejects code 100/2804003 as event_too_old with the user message', () => {
    const error = metaError(100, 2804003, {
      error_user_title: 'Event Timestamp Too Old',
      error_user_msg: 'The timestamp for this event is older than 7 days.',
    });
    expect(parseResponse(error, mappedEvents(2))).toEqual({
      status: 'rejected',
      code: 'event_too_old',
      reason:
        'Meta Conversions API says an event is too old: Event Timestamp Too Old: The timestamp for this event is older than 7 days. (code 100/2804003, fbtrace_id AbC123)',
    });
  });

  it('rejects other code 100 errors (invalid parameter) for the request, which core then isolates', () => {
    const error = metaError(100, 2804050, { error_user_msg: 'Missing user_data parameters.' });
    expect(parseResponse(error, mappedEvents(1))).toEqual({
      status: 'rejected',
      code: 'invalid_parameter',
      reason:
        'Meta Conversions API rejected the batch: Missing user_data parameters. (code 100/2804050, fbtrace_id AbC123)',
    });
  });

  it('retries an unknown code flagged is_transient', () => {
    expect(parseResponse(metaError(9999, undefined, { is_transient: true }), mappedEvents(1))).toMatchObject({
      status: 'retryable',
    });
  });

  it('falls back to the HTTP status table for unknown codes and non-JSON bodies', () => {
    expect(parseResponse(metaError(9999), mappedEvents(1))).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason:
        'Meta Conversions API rejected the request (400): Invalid parameter (code 9999, fbtrace_id AbC123)',
    });
    expect(
      parseResponse(
        { status: 503, headers: { 'retry-after': '30' }, body: 'busy', json: undefined },
        mappedEvents(1),
      ),
    ).toEqual({
      status: 'retryable',
      reason: 'Meta Conversions API answered 503: busy',
      retryAfterMs: 30_000,
    });
  });
});
