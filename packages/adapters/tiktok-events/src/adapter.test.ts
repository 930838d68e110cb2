import { sha256Hex } from '@relay/core';
import {
  FIXED_NOW,
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

const OK = { code: 0, message: 'OK', request_id: 'req-1', data: {} };

testAdapterConformance(adapter, { success: () => ({ status: 200, body: OK }) });

const coded = (code: number, message = 'something happened') =>
  jsonResponse(200, { code, message, request_id: 'req-9', data: {} });

type Body = { data: Array<{ user: Record<string, unknown>; event: string }> };

describe('tiktok_events requests', () => {
  it('builds the exact body for the seed events', async () => {
    const { requests } = await runAdapter(adapter, seedEvents());
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "data": [
              {
                "event": "consult_started",
                "event_id": "bosley:consult_started:2025010100001111",
                "event_time": 1768472100,
                "properties": {
                  "order_id": "2025010100001111",
                },
                "user": {},
              },
              {
                "event": "rx_issued",
                "event_id": "pfizer:rx_issued:2025010100002222",
                "event_time": 1768472430,
                "properties": {
                  "order_id": "2025010100002222",
                },
                "user": {},
              },
              {
                "event": "Purchase",
                "event_id": "bosley:purchase_completed:2025020100003333",
                "event_time": 1768472700,
                "properties": {
                  "currency": "USD",
                  "order_id": "2025020100003333",
                  "value": 80.79,
                },
                "user": {},
              },
            ],
            "event_source": "web",
            "event_source_id": "CEXAMPLE0PIXEL0CODE01",
          },
          "method": "POST",
          "url": "https://business-api.tiktok.com/open_api/v1.3/event/track/",
        },
      ]
    `);
    expect(requests[0]!.headers['access-token']).toBe('example0tiktok0events0api0token0123456789');
    expect(requests[0]!.headers['authorization']).toBeUndefined();
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]!.json).toMatchInlineSnapshot(`
      {
        "data": [
          {
            "event": "Purchase",
            "event_id": "evt_full_0001",
            "event_time": 1768476600,
            "page": {
              "url": "https://www.bosley.com/checkout/complete",
            },
            "properties": {
              "content_type": "product",
              "contents": [
                {
                  "content_category": "kits",
                  "content_id": "SKU-1",
                  "content_name": "Hair Regrowth Kit",
                  "price": 99.5,
                  "quantity": 1,
                },
                {
                  "content_category": "care",
                  "content_id": "SKU-2",
                  "content_name": "Shampoo",
                  "price": 15,
                  "quantity": 2,
                },
              ],
              "currency": "USD",
              "order_id": "ORD-1001",
              "value": 129.5,
            },
            "user": {
              "email": [
                "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
              ],
              "external_id": [
                "2b1cb0b84296c10ce6cc722d09a874d1f0cc1865615cb94ee50e62354aec017b",
              ],
              "ip": "203.0.113.7",
              "phone": [
                "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
              ],
              "ttclid": "E.C.P.test-ttclid",
              "ttp": "ttp-cookie-value",
              "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
            },
          },
        ],
        "event_source": "web",
        "event_source_id": "CEXAMPLE0PIXEL0CODE01",
      }
    `);
  });

  it('sends test_event_code and limited_data_use', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('signup')], {
      options: { test_event_code: 'TEST40911', limited_data_use: true },
    });
    expect(requests[0]!.json).toMatchObject({
      test_event_code: 'TEST40911',
      data: [{ event: 'CompleteRegistration', limited_data_use: true }],
    });
  });

  it('sanitises custom names and lets a credential use the legacy purchase name', async () => {
    const events = [sampleEvent('rx-issued.v2', 1), sampleEvent('purchase_completed', 2)];
    const { requests } = await runAdapter(adapter, events, {
      options: { eventMap: { purchase_completed: 'CompletePayment' } },
    });
    expect((requests[0]!.json as Body).data.map((d) => d.event)).toEqual(['rx_issued_v2', 'CompletePayment']);
  });

  it('refuses events older than seven days without sending them', async () => {
    const old = sampleEvent('purchase_completed', 1, { event_time: '2026-01-08T11:59:59Z' });
    const { results, requests } = await runAdapter(adapter, [old]);
    expect(requests).toHaveLength(0);
    expect(results[0]!.outcome).toMatchObject({ status: 'rejected', code: 'event_too_old' });
  });
});

describe('tiktok_events identity', () => {
  const userOf = async (overrides: Record<string, unknown>) => {
    const { requests } = await runAdapter(adapter, [sampleEvent('lead', 1, overrides)]);
    return (requests[0]!.json as Body).data[0]!.user;
  };

  it('hashes the canonical email after trimming and lower-casing', async () => {
    expect((await userOf({ email: ' John.Doe@Example.COM ' }))['email']).toEqual([
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    ]);
  });

  it('passes already-hashed values through unchanged', async () => {
    const hashed = 'c'.repeat(64);
    expect(await userOf({ email: hashed, phone: hashed, external_id: hashed })).toMatchObject({
      email: [hashed],
      phone: [hashed],
      external_id: [hashed],
    });
  });

  it('hashes phones as E.164 with the + sign (default country US)', async () => {
    expect((await userOf({ phone: '(555) 123-4567' }))['phone']).toEqual([sha256Hex('+15551234567')]);
  });

  it('sends ttclid, ttp, ip and user agent unhashed', async () => {
    expect(
      await userOf({ ttclid: 'E.C.P.x', ttp: 'ttp-1', ip_address: '198.51.100.1', user_agent: 'UA/1.0' }),
    ).toMatchObject({
      ttclid: 'E.C.P.x',
      ttp: 'ttp-1',
      ip: '198.51.100.1',
      user_agent: 'UA/1.0',
    });
  });
});

describe('tiktok_events responses', () => {
  it('delivers on code 0', () => {
    expect(parseResponse(jsonResponse(200, OK), mappedEvents(2), FIXED_NOW)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
  });

  it('delivers code 20001 (partial success) with the message as a warning', () => {
    expect(
      parseResponse(coded(20001, 'Partial success: 1 event failed'), mappedEvents(1), FIXED_NOW),
    ).toEqual([
      {
        status: 'delivered',
        warnings: [
          'TikTok Events API reported partial success: Partial success: 1 event failed [request_id req-9]',
        ],
      },
    ]);
  });

  it('rejects only the events a partial success (20001) names, and delivers the others', () => {
    const response = jsonResponse(200, {
      code: 20001,
      message: 'Partial success',
      request_id: 'req-9',
      data: { failed_events: [{ index: 1, message: 'event_time is invalid' }] },
    });
    expect(parseResponse(response, mappedEvents(3), FIXED_NOW)).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'invalid_event',
        reason: 'TikTok Events API refused this event: event_time is invalid [request_id req-9]',
      },
      { status: 'delivered' },
    ]);
  });

  it('retries code 40100 (rate limit) sent as HTTP 200', () => {
    expect(parseResponse(coded(40100, 'Too many requests'), mappedEvents(2), FIXED_NOW)).toEqual([
      {
        status: 'retryable',
        reason: 'TikTok Events API rate limit: Too many requests [request_id req-9] (code 40100)',
      },
      {
        status: 'retryable',
        reason: 'TikTok Events API rate limit: Too many requests [request_id req-9] (code 40100)',
      },
    ]);
  });

  it.each([40102, 40104, 40105])('flags token code %i for a person (no refresh flow)', (code) => {
    expect(
      parseResponse(
        coded(code, 'Access token is incorrect or has been revoked.'),
        mappedEvents(1),
        FIXED_NOW,
      )[0],
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: `TikTok Events API access token is invalid; generate a new one in Events Manager: Access token is incorrect or has been revoked. [request_id req-9] (code ${code})`,
    });
  });

  it('flags code 40001 (no permission) for a person', () => {
    expect(parseResponse(coded(40001, 'No permission'), mappedEvents(1), FIXED_NOW)[0]).toMatchObject({
      status: 'auth',
      kind: 'needs-attention',
    });
  });

  it('rejects code 40002 (invalid parameters) with the message', () => {
    expect(parseResponse(coded(40002, 'data.0.event_time: invalid'), mappedEvents(1), FIXED_NOW)[0]).toEqual({
      status: 'rejected',
      code: 'invalid_params',
      reason:
        'TikTok Events API rejected the batch: data.0.event_time: invalid [request_id req-9] (code 40002)',
    });
  });

  it.each([40700, 50000, 50002])('retries server code %i', (code) => {
    expect(parseResponse(coded(code), mappedEvents(1), FIXED_NOW)[0]).toMatchObject({ status: 'retryable' });
  });

  it('rejects unknown codes under their own code', () => {
    expect(parseResponse(coded(41000, 'odd'), mappedEvents(1), FIXED_NOW)[0]).toEqual({
      status: 'rejected',
      code: 'tiktok_41000',
      reason: 'TikTok Events API rejected the batch: odd [request_id req-9] (code 41000)',
    });
  });

  it('keeps the HTTP meaning (and Retry-After) for 429/5xx even when a code is present', () => {
    expect(
      parseResponse(
        jsonResponse(429, { code: 40100, message: 'slow' }, { 'retry-after': '7' }),
        mappedEvents(1),
        FIXED_NOW,
      )[0],
    ).toEqual({
      status: 'retryable',
      reason: 'TikTok Events API answered 429: slow',
      retryAfterMs: 7000,
    });
  });

  it('falls back to the HTTP status table for bodies without a code', () => {
    expect(
      parseResponse(
        { status: 400, headers: {}, body: 'bad', json: undefined },
        mappedEvents(1),
        FIXED_NOW,
      )[0],
    ).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'TikTok Events API rejected the request (400): bad',
    });
  });
});
