import { type HttpResponse, sha256Hex } from '@relay/core';
import {
  FIXED_NOW,
  fullPurchaseEvent,
  mappedEvents,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

testAdapterConformance(adapter, { record: { sapid: 'sa-click-0001' } });

const response = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body,
  json: undefined,
});

const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('stackadapt requests', () => {
  it('skips the bare seed events: they carry no StackAdapt click id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'skipped',
        reason:
          "no StackAdapt Conversion Event id configured for 'consult_started' (credentials.conversion_ids)",
      },
      {
        status: 'skipped',
        reason: "no StackAdapt Conversion Event id configured for 'rx_issued' (credentials.conversion_ids)",
      },
      {
        status: 'skipped',
        reason:
          "no StackAdapt click id (record key 'sapid'): server-side conversions are attributed only to the StackAdapt click they carry, so this event is not sent",
      },
    ]);
  });

  it('builds the exact request for the seed purchase once it carries the click id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents({ sapid: 'sa-click-123' }), {
      respond: () => ({ status: 200, body: '' }),
    });
    expect(results.map((r) => r.outcome.status)).toEqual(['skipped', 'skipped', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, body: r.body })),
    ).toMatchInlineSnapshot(`
        [
          {
            "body": "",
            "headers": {},
            "method": "GET",
            "url": "https://tags.srv.stackadapt.com/conv?cid=sqHQa3Ob1hiF2EcY3VZg1&sapid=sa-click-123&sa_conv_data_revenue=80.79&sa_conv_data_order_id=2025020100003333",
          },
        ]
      `);
  });

  it('builds the exact request for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent({ sapid: 'sa-click-999' })]);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers })),
    ).toMatchInlineSnapshot(`
      [
        {
          "headers": {
            "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
            "x-forwarded-for": "203.0.113.7",
          },
          "method": "GET",
          "url": "https://tags.srv.stackadapt.com/conv?cid=sqHQa3Ob1hiF2EcY3VZg1&sapid=sa-click-999&sa_conv_data_revenue=129.5&sa_conv_data_order_id=ORD-1001",
        },
      ]
    `);
    expect(query(requests[0]!.url)).toEqual({
      cid: 'sqHQa3Ob1hiF2EcY3VZg1',
      sapid: 'sa-click-999',
      sa_conv_data_revenue: '129.5',
      sa_conv_data_order_id: 'ORD-1001',
    });
  });

  it('sends one request per event, each to its own Conversion Event id', async () => {
    const { requests, attempts } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, { sapid: 'a1' }),
      sampleEvent('lead', 2, { sapid: 'a2' }),
    ]);
    expect(requests.map((r) => query(r.url)['cid'])).toEqual([
      'sqHQa3Ob1hiF2EcY3VZg1',
      'Lx7Pq2Rt9Vw3Yz5Ab8Cd0',
    ]);
    expect(attempts.map((a) => a.eventIndexes)).toEqual([[0], [1]]);
  });

  it('sends a custom OMS event when an id is configured for its name, and follows eventMap', async () => {
    const { requests } = await runAdapter(
      adapter,
      [sampleEvent('rx_issued', 1, { sapid: 'a1' }), sampleEvent('consult_started', 2, { sapid: 'a2' })],
      {
        credentials: { conversion_ids: { rx_issued: 'RxConv000001', lead: 'LeadConv0001' } },
        options: { eventMap: { consult_started: 'lead' } },
      },
    );
    expect(requests.map((r) => query(r.url)['cid'])).toEqual(['RxConv000001', 'LeadConv0001']);
  });

  it('reads the click id from the configured record key and leaves revenue out without a value', async () => {
    const { requests } = await runAdapter(
      adapter,
      [sampleEvent('purchase_completed', 1, { sa_click: 'k-9', order_revenue: undefined })],
      { options: { click_id_key: 'sa_click' } },
    );
    expect(query(requests[0]!.url)).toEqual({
      cid: 'sqHQa3Ob1hiF2EcY3VZg1',
      sapid: 'k-9',
      sa_conv_data_order_id: 'ORD-0001',
    });
  });

  it('skips a click id that is still the unexpanded {SA_POSTBACK_ID} macro', async () => {
    const { requests, results } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, { sapid: '{SA_POSTBACK_ID}' }),
    ]);
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'skipped',
      reason:
        "the StackAdapt click id is the unexpanded macro '{SA_POSTBACK_ID}': fix the campaign click URL (sapid={SA_POSTBACK_ID}); this event is not sent",
    });
  });

  it('sends no email or phone, raw or hashed: the pixel matches on the click id only', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, {
        sapid: 'a1',
        email: ' John.Doe@Example.COM ',
        phone: '(555) 123-4567',
      }),
    ]);
    const sent = JSON.stringify(requests);
    for (const value of [
      'john.doe',
      'John.Doe',
      sha256Hex('john.doe@example.com'),
      '5551234567',
      sha256Hex('+15551234567'),
    ]) {
      expect(sent).not.toContain(value);
    }
  });

  it('rejects credentials without a conversion id or with a malformed one', () => {
    expect(adapter.credentials.safeParse({ conversion_ids: {} }).success).toBe(false);
    expect(adapter.credentials.safeParse({ conversion_ids: { purchase: 'has spaces in it' } }).success).toBe(
      false,
    );
  });
});

describe('stackadapt responses', () => {
  it('any 2xx is delivered', () => {
    expect(parseResponse(response(200, 'GIF89a'), mappedEvents(1), FIXED_NOW)).toEqual({
      status: 'delivered',
    });
    expect(parseResponse(response(204, ''), mappedEvents(1), FIXED_NOW)).toEqual({ status: 'delivered' });
  });

  it('a 400 is rejected with the body, a 503 retried with Retry-After', () => {
    expect(parseResponse(response(400, 'bad cid'), mappedEvents(1), FIXED_NOW)).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'StackAdapt conversion pixel rejected the request (400): bad cid',
    });
    expect(parseResponse(response(503, 'busy', { 'retry-after': '7' }), mappedEvents(1), FIXED_NOW)).toEqual({
      status: 'retryable',
      reason: 'StackAdapt conversion pixel answered 503: busy',
      retryAfterMs: 7000,
    });
  });
});
