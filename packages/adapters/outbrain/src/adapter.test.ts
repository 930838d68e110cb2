import { CANONICAL_EVENTS, eventKind } from '@relay/core';
import {
  eventFromRecord,
  FULL_PURCHASE_RECORD,
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  runAdapter,
  SEED_BATCH,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

// The shared fixtures carry no Outbrain click id: the suite adds one (`ob_click_id`, the default key).
testAdapterConformance(adapter, { record: { ob_click_id: 'conformance-click-id' } });

const NOW = new Date('2026-01-15T12:00:00Z');
const OB_CLICK_ID = '00f1c3a8b2e94d0c9a6e2b7d5f4c3a21b0';

const withClick = (record: Record<string, unknown>, obClickId = OB_CLICK_ID) =>
  eventFromRecord({ ...record, ob_click_id: obClickId });
/** The query of a recorded request as ordered pairs, decoded. */
const queryOf = (request: { url: string } | undefined) => [...new URL(request!.url).searchParams.entries()];

/** The canonical events this platform takes (refunds are skipped by core: it declares no refund mapping). */
const SENT_EVENTS = CANONICAL_EVENTS.filter((name) => eventKind(name) !== 'refund');

describe('outbrain requests', () => {
  it('skips the bare seed events without sending anything: none carries an Outbrain click id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(
      Array.from({ length: 3 }, () => ({
        status: 'skipped',
        reason:
          "no Outbrain click id (record key 'ob_click_id'): Outbrain attributes S2S conversions only to an Outbrain click, so this event is not sent",
      })),
    );
  });

  it('sends each seed event that came from an Outbrain click as its own GET', async () => {
    const events = SEED_BATCH.data.map((record, i) => withClick(record, `${OB_CLICK_ID}${i}`));
    const { requests, results, attempts } = await runAdapter(adapter, events);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(attempts.map((a) => a.eventIndexes)).toEqual([[0], [1], [2]]);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, body: r.body })),
    ).toMatchInlineSnapshot(`
      [
        {
          "body": "",
          "headers": {},
          "method": "GET",
          "url": "https://tr.outbrain.com/unifiedPixel?ob_click_id=00f1c3a8b2e94d0c9a6e2b7d5f4c3a21b00&name=consult_started&orderId=2025010100001111",
        },
        {
          "body": "",
          "headers": {},
          "method": "GET",
          "url": "https://tr.outbrain.com/unifiedPixel?ob_click_id=00f1c3a8b2e94d0c9a6e2b7d5f4c3a21b01&name=rx_issued&orderId=2025010100002222",
        },
        {
          "body": "",
          "headers": {},
          "method": "GET",
          "url": "https://tr.outbrain.com/unifiedPixel?ob_click_id=00f1c3a8b2e94d0c9a6e2b7d5f4c3a21b02&name=Purchase&orderId=2025020100003333&orderValue=80.79&currency=USD",
        },
      ]
    `);
  });

  it('skips the fully populated purchase without a click id, and sends it exactly with one', async () => {
    const bare = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(bare.requests).toEqual([]);
    expect(bare.results[0]!.outcome.status).toBe('skipped');

    const { requests } = await runAdapter(adapter, [withClick(FULL_PURCHASE_RECORD)]);
    expect(requests.map((r) => r.url)).toMatchInlineSnapshot(`
      [
        "https://tr.outbrain.com/unifiedPixel?ob_click_id=00f1c3a8b2e94d0c9a6e2b7d5f4c3a21b0&name=Purchase&orderId=ORD-1001&orderValue=129.5&currency=USD",
      ]
    `);
  });

  it('sends only the events with a click id, each outcome in its place', async () => {
    const events = [
      sampleEvent('purchase_completed', 1),
      sampleEvent('purchase_completed', 2, { ob_click_id: '  click-2  ' }),
      sampleEvent('lead', 3, { ob_click_id: '' }),
      sampleEvent('lead', 4, { ob_click_id: 'click-4' }),
    ];
    const { requests, results } = await runAdapter(adapter, events);
    expect(requests.map((r) => new URL(r.url).searchParams.get('ob_click_id'))).toEqual([
      'click-2',
      'click-4',
    ]);
    expect(results.map((r) => r.outcome.status)).toEqual(['skipped', 'delivered', 'skipped', 'delivered']);
  });

  it('percent-encodes names and values (spaces as %20), keeping the click id’s case', async () => {
    const event = sampleEvent('add_to_cart', 1, { ob_click_id: 'AbC+/=xYz', order_id: 'A&B 1' });
    const { requests } = await runAdapter(adapter, [event]);
    expect(requests[0]!.url).toBe(
      'https://tr.outbrain.com/unifiedPixel?ob_click_id=AbC%2B%2F%3DxYz&name=Add%20To%20Cart&orderId=A%26B%201&orderValue=11&currency=USD',
    );
    expect(queryOf(requests[0])).toEqual([
      ['ob_click_id', 'AbC+/=xYz'],
      ['name', 'Add To Cart'],
      ['orderId', 'A&B 1'],
      ['orderValue', '11'],
      ['currency', 'USD'],
    ]);
  });

  it('reads the click id from the key named by options.click_id_key', async () => {
    const event = sampleEvent('purchase_completed', 1, { obclid: 'from-obclid', ob_click_id: 'other' });
    const { requests } = await runAdapter(adapter, [event], { options: { click_id_key: 'obclid' } });
    expect(new URL(requests[0]!.url).searchParams.get('ob_click_id')).toBe('from-obclid');
  });

  it('maps the canonical events to the default conversion names and passes the others through', async () => {
    const events = SENT_EVENTS.map((name, i) => sampleEvent(name, i + 1, { ob_click_id: `click-${i}` }));
    const { requests, results } = await runAdapter(adapter, events);
    expect(results.every((r) => r.outcome.status === 'delivered')).toBe(true);
    expect(
      Object.fromEntries(
        SENT_EVENTS.map((name, i) => [name, new URL(requests[i]!.url).searchParams.get('name')]),
      ),
    ).toEqual({
      purchase_completed: 'Purchase',
      checkout_started: 'Checkout',
      begin_checkout: 'Checkout',
      add_to_cart: 'Add To Cart',
      lead: 'Lead',
      consult_completed: 'Lead',
      complete_registration: 'Registration',
      signup: 'Registration',
      page_view: 'page_view',
      consult_started: 'consult_started',
      rx_issued: 'rx_issued',
    });
  });

  it('uses the credential’s conversion names and stops events mapped to nothing', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [
        sampleEvent('purchase_completed', 1, { ob_click_id: 'c1' }),
        sampleEvent('consult_started', 2, { ob_click_id: 'c2' }),
      ],
      { options: { eventMap: { purchase_completed: 'Order Placed', consult_started: null } } },
    );
    expect(requests.map((r) => new URL(r.url).searchParams.get('name'))).toEqual(['Order Placed']);
    expect(results[1]!.outcome).toEqual({
      status: 'skipped',
      reason: "event 'consult_started' is mapped to nothing for this credential",
    });
  });

  it('sends a zero value, and no orderValue or currency when the event has no value', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('lead', 1, { ob_click_id: 'c1', order_revenue: 0, currency: 'eur' }),
      sampleEvent('lead', 2, { ob_click_id: 'c2', order_revenue: undefined }),
    ]);
    expect(queryOf(requests[0])).toEqual([
      ['ob_click_id', 'c1'],
      ['name', 'Lead'],
      ['orderId', 'ORD-0001'],
      ['orderValue', '0'],
      ['currency', 'EUR'],
    ]);
    expect(queryOf(requests[1])).toEqual([
      ['ob_click_id', 'c2'],
      ['name', 'Lead'],
      ['orderId', 'ORD-0002'],
    ]);
  });

  it('sends no personal data and no body: Outbrain matches on the click id only', async () => {
    const { requests } = await runAdapter(adapter, [withClick(FULL_PURCHASE_RECORD)]);
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.body).toBe('');
    for (const value of ['john', 'John', '5551234567', '203.0.113.7', 'cust_42', 'Mozilla']) {
      expect(requests[0]!.url).not.toContain(value);
    }
  });

  it('takes no credentials: an unknown credential field is refused by name', async () => {
    await expect(
      runAdapter(adapter, [sampleEvent('lead', 1, { ob_click_id: 'c1' })], {
        credentials: { marketer_id: '00abc' },
      }),
    ).rejects.toThrow(/marketer_id/);
  });
});

describe('outbrain responses', () => {
  it('any 2xx is delivered (the S2S call has no per-conversion result)', () => {
    expect(
      parseResponse({ status: 204, headers: {}, body: '', json: undefined }, mappedEvents(1), NOW),
    ).toEqual({ status: 'delivered' });
    expect(
      parseResponse({ status: 200, headers: {}, body: 'GIF89a', json: undefined }, mappedEvents(1), NOW),
    ).toEqual({ status: 'delivered' });
  });

  it('401 and 403 need attention (no credentials to refresh)', () => {
    for (const status of [401, 403]) {
      expect(
        parseResponse({ status, headers: {}, body: 'Access denied', json: undefined }, mappedEvents(1), NOW),
      ).toEqual({
        status: 'auth',
        kind: 'needs-attention',
        reason: `Outbrain S2S refused the request (${status}); the S2S call takes no credentials, so check the sender and the endpoint: Access denied`,
      });
    }
  });

  it("other answers follow core's table: 400 rejected with the body, 429 and 5xx retried", () => {
    expect(
      parseResponse(jsonResponse(400, { error: 'missing name' }), mappedEvents(1, 'Purchase'), NOW),
    ).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'Outbrain S2S rejected the request (400): {"error":"missing name"}',
    });
    expect(
      parseResponse(
        { status: 429, headers: { 'retry-after': '5' }, body: '', json: undefined },
        mappedEvents(1),
        NOW,
      ),
    ).toEqual({ status: 'retryable', reason: 'Outbrain S2S answered 429: HTTP 429', retryAfterMs: 5000 });
    expect(
      parseResponse({ status: 503, headers: {}, body: 'unavailable', json: undefined }, mappedEvents(1), NOW),
    ).toEqual({ status: 'retryable', reason: 'Outbrain S2S answered 503: unavailable' });
  });
});
