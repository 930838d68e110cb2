import { sha256Hex } from '@relay/core';
import {
  eventFromRecord,
  FULL_PURCHASE_RECORD,
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  outcomesPerEvent,
  runAdapter,
  sampleEvent,
  SEED_BATCH,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

/** The sample events carry an IP but no page URL or AdRoll cookie; the options supply what AdRoll requires. */
const CONFORMANCE_OPTIONS = { page_location: 'https://www.bosley.com/', require_first_party_cookie: false };

testAdapterConformance(adapter, { options: CONFORMANCE_OPTIONS });

type AdrollEvent = Record<string, unknown> & { identifiers: Record<string, string> };
const eventsOf = (json: unknown) => json as AdrollEvent[];

const FPC = 'ebb883e7afb5d00573288f188cc75eaa-1736935100000';

/** The seed batch's records as a storefront that runs the AdRoll pixel would send them. */
const seedEventsFromPixelSite = () =>
  SEED_BATCH.data.map((record, i) =>
    eventFromRecord({
      ...record,
      email: `customer${i + 1}@example.com`,
      ip_address: '203.0.113.9',
      page_url: `https://www.${record.storefront_id}.com/orders/${record.order_id}`,
      adroll_fpc: FPC,
    }),
  );

describe('adroll requests', () => {
  it('skips the seed custom events and rejects the bare purchase without sending: AdRoll requires an IP', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    const skipped = {
      status: 'skipped',
      reason:
        "AdRoll's S2S Event API takes only its own 13 event names and has none for this OMS event; map it to one (e.g. signupPlan, formFill) with options.eventMap to send it",
    };
    expect(results.map((r) => r.outcome)).toEqual([
      skipped,
      skipped,
      {
        status: 'rejected',
        code: 'missing_ip',
        reason:
          "AdRoll S2S Event API requires the user's IP address (ip_address/client_ip); this event has none",
      },
    ]);
  });

  it('builds the exact request for the seed events from a pixel site (IP, page URL, first-party cookie)', async () => {
    const { requests, results } = await runAdapter(adapter, seedEventsFromPixelSite());
    expect(results.map((r) => r.outcome.status)).toEqual(['skipped', 'skipped', 'delivered']);
    expect(requests[0]?.headers['authorization']).toBe('Token sat_example_0123456789abcdef');
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": [
            {
              "advertisable_eid": "WYJD6WNIAJC2XG6PT7UK4B",
              "conversion_value": 80.79,
              "currency": "USD",
              "event_attributes": {
                "order_id": "2025020100003333",
              },
              "event_name": "purchase",
              "external_data": "{"event_id":"bosley:purchase_completed:2025020100003333","storefront":"bosley","oms_event_name":"purchase_completed"}",
              "identifiers": {
                "email_sha256": "4c7d03d328bed7e9babb9d5abb9216a1b14d5feeb82890816b090521072a5827",
                "first_party_cookie": "ebb883e7afb5d00573288f188cc75eaa-1736935100000",
              },
              "ip": "203.0.113.9",
              "page_location": "https://www.bosley.com/orders/2025020100003333",
              "pixel_eid": "QZ4D3KXN5FHB7JRMP2TS6A",
              "timestamp": 1768472700,
            },
          ],
          "method": "POST",
          "url": "https://srv.adroll.com/api?advertisable=WYJD6WNIAJC2XG6PT7UK4B",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase carrying the AdRoll cookie and click token', async () => {
    const event = eventFromRecord({ ...FULL_PURCHASE_RECORD, __adroll_fpc: FPC, adct: 'adct-click-token-1' });
    const { requests } = await runAdapter(adapter, [event]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      [
        {
          "advertisable_eid": "WYJD6WNIAJC2XG6PT7UK4B",
          "conversion_value": 129.5,
          "currency": "USD",
          "event_attributes": {
            "order_id": "ORD-1001",
            "products": [
              {
                "category": "kits",
                "price": 99.5,
                "product_id": "SKU-1",
                "quantity": 1,
              },
              {
                "category": "care",
                "price": 15,
                "product_id": "SKU-2",
                "quantity": 2,
              },
            ],
          },
          "event_name": "purchase",
          "external_data": "{"event_id":"evt_full_0001","storefront":"bosley","oms_event_name":"purchase_completed"}",
          "identifiers": {
            "adct": "adct-click-token-1",
            "email_sha256": "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
            "first_party_cookie": "ebb883e7afb5d00573288f188cc75eaa-1736935100000",
            "user_id": "cust_42",
          },
          "ip": "203.0.113.7",
          "page_location": "https://www.bosley.com/checkout/complete",
          "pixel_eid": "QZ4D3KXN5FHB7JRMP2TS6A",
          "timestamp": 1768476600,
          "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
        },
      ]
    `);
  });

  it('rejects the fully populated purchase without the first-party cookie, which AdRoll currently requires', async () => {
    const { requests, results } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_first_party_cookie',
      reason:
        "AdRoll S2S Event API currently requires AdRoll's first-party cookie (record key adroll_fpc, __adroll_fpc or first_party_cookie); this event has none",
    });
  });

  it('sends email_sha256 of the trimmed, lower-cased email, passes a 64-hex email through and never sends the phone', async () => {
    const hex = 'CD'.repeat(32);
    const { requests } = await runAdapter(
      adapter,
      [
        sampleEvent('purchase_completed', 1, { email: ' John.Doe@Example.COM ', phone: '(555) 123-4567' }),
        sampleEvent('purchase_completed', 2, { email: hex }),
      ],
      { options: CONFORMANCE_OPTIONS },
    );
    const [first, second] = eventsOf(requests[0]!.json);
    expect(first!.identifiers['email_sha256']).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
    expect(sha256Hex('john.doe@example.com')).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
    expect(second!.identifiers['email_sha256']).toBe(hex.toLowerCase());
    expect(requests[0]!.body).not.toContain('555');
    expect(requests[0]!.body).not.toContain(sha256Hex('+15551234567'));
  });

  it('adds dry_run=true to the URL and falls back to options.page_location', async () => {
    const { requests } = await runAdapter(adapter, [sampleEvent('add_to_cart')], {
      options: { ...CONFORMANCE_OPTIONS, dry_run: true },
    });
    expect(requests[0]!.url).toBe(
      'https://srv.adroll.com/api?advertisable=WYJD6WNIAJC2XG6PT7UK4B&dry_run=true',
    );
    expect(eventsOf(requests[0]!.json)[0]!['page_location']).toBe('https://www.bosley.com/');
  });

  it('rejects an event without page URL when the credential sets no page_location', async () => {
    const { results } = await runAdapter(adapter, [
      sampleEvent('purchase_completed', 1, { adroll_fpc: FPC }),
    ]);
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'missing_page_location',
      reason:
        'AdRoll S2S Event API requires page_location; this event has no page_url and the credential sets no options.page_location',
    });
  });

  it('rejects an event with no identifier at all when the cookie is not required', async () => {
    const event = sampleEvent('purchase_completed', 1, { email: undefined, external_id: undefined });
    const { results } = await runAdapter(adapter, [event], { options: CONFORMANCE_OPTIONS });
    expect(results[0]!.outcome).toMatchObject({ status: 'rejected', code: 'missing_identifiers' });
  });

  it('sends a sign-up mapped to an AdRoll name, rejects an override outside the list', async () => {
    const { results, requests } = await runAdapter(
      adapter,
      [sampleEvent('signup', 1), sampleEvent('checkout_started', 2)],
      {
        options: { ...CONFORMANCE_OPTIONS, eventMap: { signup: 'signupPlan', checkout_started: 'checkout' } },
      },
    );
    expect(eventsOf(requests[0]!.json).map((e) => e['event_name'])).toEqual(['signupPlan']);
    expect(results[1]!.outcome).toMatchObject({ status: 'rejected', code: 'unknown_event_name' });
  });

  it('sends order_id only for purchases and products only for product events; keeps milliseconds in the timestamp', async () => {
    const items = [{ id: 'SKU-1', name: 'Kit', price: 10, quantity: 1, category: 'kits' }];
    const { requests } = await runAdapter(
      adapter,
      [
        sampleEvent('lead', 1, { items, event_time: '2026-01-15T11:00:00.250Z' }),
        sampleEvent('add_to_cart', 2, { items }),
      ],
      { options: CONFORMANCE_OPTIONS },
    );
    const [lead, cart] = eventsOf(requests[0]!.json);
    expect(lead!['event_name']).toBe('formFill');
    expect(lead).not.toHaveProperty('event_attributes');
    expect(lead!['timestamp']).toBe(1768474800.25);
    expect(cart!['event_attributes']).toEqual({
      products: [{ product_id: 'SKU-1', price: 10, quantity: 1, category: 'kits' }],
    });
  });

  it('keeps at most 100 events per request', async () => {
    const events = Array.from({ length: 201 }, (_, i) => sampleEvent('purchase_completed', i + 1));
    const { requests } = await runAdapter(adapter, events, { options: CONFORMANCE_OPTIONS });
    expect(requests.map((r) => eventsOf(r.json).length)).toEqual([100, 100, 1]);
  });
});

describe('adroll responses', () => {
  const now = new Date('2026-01-15T12:00:00Z');

  it('2xx → every event delivered', () => {
    expect(parse(jsonResponse(200, { results: {} }), mappedEvents(2), now)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
  });

  it('error map: 401 → needs attention (SATs come from the account manager, no refresh)', () => {
    const outcome = {
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'AdRoll S2S Event API refused the Server Access Token (401); ask the AdRoll account manager for a new one: Invalid token (code 512)',
    };
    expect(
      parse(jsonResponse(401, { errors: [{ message: 'Invalid token', code: 512 }] }), mappedEvents(2), now),
    ).toEqual([outcome, outcome]);
  });

  it('400 → rejected with the errors list as the reason', () => {
    const body = {
      errors: [
        { message: 'This field is required.', field: 'page_location' },
        { message: 'Invalid event', code: 1 },
      ],
    };
    expect(parse(jsonResponse(400, body), mappedEvents(1), now)).toEqual([
      {
        status: 'rejected',
        code: 'http_400',
        reason:
          'AdRoll S2S Event API rejected the request (400): This field is required. (field page_location); Invalid event (code 1)',
      },
    ]);
  });

  it.each([
    [
      403,
      { status: 'auth', kind: 'needs-attention', reason: 'AdRoll S2S Event API denied access (403): nope' },
    ],
    [500, { status: 'retryable', reason: 'AdRoll S2S Event API answered 500: nope' }],
  ])('HTTP %i without an errors list uses the body excerpt', (status, expected) => {
    expect(parse({ status, headers: {}, body: 'nope', json: undefined }, mappedEvents(1), now)).toEqual([
      expected,
    ]);
  });

  it('429 → retryable with Retry-After', () => {
    expect(parse(jsonResponse(429, {}, { 'retry-after': '60' }), mappedEvents(1), now)).toEqual([
      { status: 'retryable', reason: 'AdRoll S2S Event API answered 429: {}', retryAfterMs: 60_000 },
    ]);
  });
});
