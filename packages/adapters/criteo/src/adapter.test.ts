import { createHash } from 'node:crypto';
import { type MappedEvent, sha256Hex } from '@relay/core';
import {
  eventFromRecord,
  FULL_PURCHASE_RECORD,
  fullPurchaseEvent,
  jsonResponse,
  outcomesPerEvent,
  runAdapter,
  sampleEvent,
  SEED_BATCH,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { criteoEmailOf } from './identity';
import { adapter } from './index';
import { parseResponse } from './parse-response';

const parse = (...args: Parameters<typeof parseResponse>) =>
  outcomesPerEvent(parseResponse(...args), args[1].length, args[0], args[2]);

type Body = Record<string, unknown> & {
  id: Record<string, unknown>;
  events: Array<Record<string, unknown>>;
};

testAdapterConformance(adapter);

const NOW = new Date('2026-01-15T12:00:00Z');
const md5 = (value: string) => createHash('md5').update(value).digest('hex');

const bodies = async (
  events = [sampleEvent('purchase_completed')],
  options: Record<string, unknown> = {},
) => {
  const run = await runAdapter(adapter, events, { options });
  return { ...run, json: run.requests.map((r) => r.json as Body) };
};

/** The seed batch's records with what a storefront knows of each visitor: the GUM id cookie and the email. */
const seedEventsWithIds = () =>
  SEED_BATCH.data.map((record, i) =>
    eventFromRecord({
      ...record,
      crto_mapped_user_id: `gum-${i + 1}`,
      email: `customer${i + 1}@example.com`,
    }),
  );

const mapped = (count: number): MappedEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    event: sampleEvent('purchase_completed', i + 1),
    name: 'trackTransaction',
    custom: false,
  }));

describe('criteo requests', () => {
  it('skips the seed custom events and rejects the bare seed purchase: no GUM id, email or visitor id', async () => {
    const { requests, results } = await bodies(seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'skipped',
        reason:
          'Criteo takes only its OneTag events (trackTransaction, beginCheckout, addToCart, viewPage, login…) and has no lead, sign-up or custom event; map it with options.eventMap to send it',
      },
      {
        status: 'skipped',
        reason:
          'Criteo takes only its OneTag events (trackTransaction, beginCheckout, addToCart, viewPage, login…) and has no lead, sign-up or custom event; map it with options.eventMap to send it',
      },
      {
        status: 'rejected',
        code: 'missing_user_id',
        reason:
          'Criteo Events API needs a GUM id (crto_mapped_user_id, with a caller_id), an email or a retailer visitor / customer id; this event has none',
      },
    ]);
  });

  it('builds the exact body for the seed purchase once the visitor is known', async () => {
    const { requests, results } = await bodies(seedEventsWithIds());
    expect(results.map((r) => r.outcome.status)).toEqual(['skipped', 'skipped', 'delivered']);
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "account": "12345",
            "events": [
              {
                "currency": "USD",
                "event": "trackTransaction",
                "id": "2025020100003333",
                "item": [
                  {
                    "id": "order",
                    "price": 80.79,
                    "quantity": 1,
                  },
                ],
                "timestamp": "2026-01-15T10:25:00.000Z",
              },
            ],
            "id": {
              "email": {
                "md5": "ecc26c2cb987b9169323fdada8701f81",
                "sha256": "4c7d03d328bed7e9babb9d5abb9216a1b14d5feeb82890816b090521072a5827",
                "sha256_md5": "97b116e87ecb0c1637c15e10b5b527dd08ad47281aadb18b875dda6ea821de11",
              },
              "mapped_user_id": "gum-3",
              "mapping_key": "70",
            },
            "site_type": "d",
          },
          "method": "POST",
          "url": "https://widget.criteo.com/m/event?version=s2s_v0",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { json, results } = await bodies([
      eventFromRecord({
        ...FULL_PURCHASE_RECORD,
        consent_ad_personalization: 'granted',
        crto_mapped_user_id: 'b0b1c2d3-gum',
        referrer: 'https://www.bosley.com/cart',
      }),
    ]);
    expect(results[0]?.outcome).toEqual({ status: 'delivered' });
    expect(json[0]).toMatchInlineSnapshot(`
      {
        "account": "12345",
        "events": [
          {
            "currency": "USD",
            "event": "trackTransaction",
            "id": "ORD-1001",
            "item": [
              {
                "id": "SKU-1",
                "price": 99.5,
                "quantity": 1,
              },
              {
                "id": "SKU-2",
                "price": 15,
                "quantity": 2,
              },
            ],
            "timestamp": "2026-01-15T11:30:00.000Z",
          },
        ],
        "full_url": "https://www.bosley.com/checkout/complete",
        "id": {
          "email": {
            "md5": "8eb1b522f60d11fa897de1dc6351b7e8",
            "sha256": "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
            "sha256_md5": "0164d40935bf740e7ff18db6e3f946e028a1e3a6fbdb70a2783e5bd5b17c6888",
          },
          "mapped_user_id": "b0b1c2d3-gum",
          "mapping_key": "70",
        },
        "ip": "203.0.113.7",
        "previous_url": "https://www.bosley.com/cart",
        "retailer_visitor_id": "cust_42",
        "site_type": "d",
        "useragent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
      }
    `);
  });

  it('does not send the fully populated purchase as is: its ad-personalisation consent is denied', async () => {
    const { requests, results } = await bodies([fullPurchaseEvent()]);
    expect(requests).toEqual([]);
    expect(results[0]?.outcome).toEqual({
      status: 'skipped',
      reason:
        'Criteo Events API: not sent, the user denied ad consent (consent_ad_user_data / consent_ad_personalization), and Criteo is a retargeting platform',
    });
  });

  it('skips users who opted out of Criteo (crto_is_user_optout cookie)', async () => {
    const { requests, results } = await bodies([
      sampleEvent('add_to_cart', 1, { crto_is_user_optout: 'true' }),
    ]);
    expect(requests).toEqual([]);
    expect(results[0]?.outcome).toEqual({
      status: 'skipped',
      reason: 'Criteo Events API: not sent, the user opted out of Criteo (crto_is_user_optout)',
    });
  });

  it('maps checkout, add to cart and page view, and skips lead and sign-up', async () => {
    const names = ['checkout_started', 'add_to_cart', 'page_view', 'lead', 'signup'];
    const items = [{ id: 'SKU-9', price: 5, quantity: 2 }];
    const { json, results } = await bodies(names.map((name, i) => sampleEvent(name, i + 1, { items })));
    expect(json.map((b) => b.events)).toEqual([
      [
        {
          event: 'beginCheckout',
          timestamp: '2026-01-15T11:00:00.000Z',
          item: [{ id: 'SKU-9', price: 5, quantity: 2 }],
        },
      ],
      [
        {
          event: 'addToCart',
          timestamp: '2026-01-15T11:00:00.000Z',
          item: [{ id: 'SKU-9', price: 5, quantity: 2 }],
        },
      ],
      [{ event: 'viewPage', timestamp: '2026-01-15T11:00:00.000Z' }],
    ]);
    expect(results.slice(3).map((r) => r.outcome.status)).toEqual(['skipped', 'skipped']);
  });

  it('sends a lead when eventMap names a OneTag event, and rejects a name Criteo does not know', async () => {
    const { json, results } = await bodies([sampleEvent('signup', 1), sampleEvent('lead', 2)], {
      eventMap: { signup: 'login', lead: 'Lead' },
    });
    expect(json.map((b) => b.events[0]?.['event'])).toEqual(['login']);
    expect(results[1]?.outcome).toEqual({
      status: 'rejected',
      code: 'unknown_event_name',
      reason:
        "Criteo Events API takes only OneTag events (viewHome, viewPage, viewList, viewItem, addToCart, viewBasket, beginCheckout, addPaymentInfo, trackTransaction, login); 'Lead' is not one of them",
    });
  });

  it('sends a purchase without items as one order line carrying the value (id from order_line_item_id)', async () => {
    const event = sampleEvent('purchase_completed', 1, { order_revenue: 42.5 });
    const { json } = await bodies([event]);
    expect(json[0]?.events[0]).toEqual({
      event: 'trackTransaction',
      timestamp: '2026-01-15T11:00:00.000Z',
      id: 'ORD-0001',
      currency: 'USD',
      item: [{ id: 'order', price: 42.5, quantity: 1 }],
    });
    const custom = await bodies([event], { order_line_item_id: 'oms-order' });
    expect(custom.json[0]?.events[0]?.['item']).toEqual([{ id: 'oms-order', price: 42.5, quantity: 1 }]);
  });

  it('sends a purchase without items or value without an item list', async () => {
    const { json } = await bodies([sampleEvent('purchase_completed', 1, { order_revenue: undefined })]);
    expect(json[0]?.events[0]).not.toHaveProperty('item');
  });

  it('drops items without an id and counts a missing quantity as 1', async () => {
    const { json } = await bodies([
      sampleEvent('purchase_completed', 1, {
        items: [
          { name: 'no id', price: 3 },
          { id: 'A', price: 2.5 },
        ],
      }),
    ]);
    expect(json[0]?.events[0]?.['item']).toEqual([{ id: 'A', price: 2.5, quantity: 1 }]);
  });

  it('sends site_type from the options and the OneTag page-view id for deduplication', async () => {
    const { json } = await bodies([sampleEvent('add_to_cart', 1, { deduplication_page_view_id: 'pv-123' })], {
      site_type: 'm',
    });
    expect(json[0]?.['site_type']).toBe('m');
    expect(json[0]?.events[0]?.['deduplication_page_view_id']).toBe('pv-123');
  });

  it('posts JSON to /m/event?version=s2s_v0 on the base URL, one request per event', async () => {
    const { requests } = await bodies([sampleEvent('add_to_cart', 1), sampleEvent('add_to_cart', 2)]);
    expect(requests.map((r) => `${r.method} ${r.url} ${r.headers['content-type']}`)).toEqual([
      'POST https://widget.criteo.com/m/event?version=s2s_v0 application/json',
      'POST https://widget.criteo.com/m/event?version=s2s_v0 application/json',
    ]);
  });
});

describe('criteo identity', () => {
  const idOf = async (overrides: Record<string, unknown>, credentials?: Record<string, unknown>) => {
    const run = await runAdapter(
      adapter,
      [sampleEvent('add_to_cart', 1, overrides)],
      credentials ? { credentials } : {},
    );
    return run.requests[0]?.json as Body | undefined;
  };

  it('hashes the canonical email after trimming and lower-casing: md5, sha256 and sha256 of the md5', async () => {
    const body = await idOf({ email: ' John.Doe@Example.COM ' });
    expect(body?.id['email']).toEqual({
      md5: md5('john.doe@example.com'),
      sha256: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
      sha256_md5: sha256Hex(md5('john.doe@example.com')),
    });
    expect(sha256Hex('john.doe@example.com')).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
    expect(md5('john.doe@example.com')).toBe('8eb1b522f60d11fa897de1dc6351b7e8');
  });

  it('passes an already-hashed SHA-256 email through unchanged, and takes an MD5 one as md5', () => {
    const hashed = 'C'.repeat(64);
    expect(criteoEmailOf(hashed)).toEqual({ sha256: 'c'.repeat(64) });
    const md5Hex = md5('a@b.co');
    expect(criteoEmailOf(md5Hex.toUpperCase())).toEqual({ md5: md5Hex, sha256_md5: sha256Hex(md5Hex) });
    expect(criteoEmailOf('not an email')).toBeUndefined();
  });

  it('sends no phone: Criteo takes no phone identifier, and no clear-text PII', async () => {
    const body = await idOf({ phone: '(555) 123-4567', first_name: 'John' });
    expect(JSON.stringify(body)).not.toMatch(/5551234567|John|user1@example\.com/);
  });

  it('sends the GUM id only with a caller id (mapping_key)', async () => {
    expect((await idOf({ crto_mapped_user_id: 'gum-1' }))?.id).toMatchObject({
      mapping_key: '70',
      mapped_user_id: 'gum-1',
    });
    const withoutCaller = await idOf({ crto_mapped_user_id: 'gum-1' }, { partner_id: '12345' });
    expect(withoutCaller?.id).not.toHaveProperty('mapped_user_id');
    expect(withoutCaller?.id).not.toHaveProperty('mapping_key');
  });

  it('sends the visitor id from retailer_visitor_id, else the OMS customer id, and IP, user agent, URLs unhashed', async () => {
    const body = await idOf({
      retailer_visitor_id: 'rv-9',
      page_url: 'https://shop.example/p',
      referrer: 'https://shop.example/',
    });
    expect(body).toMatchObject({
      retailer_visitor_id: 'rv-9',
      ip: '203.0.113.7',
      useragent: 'Mozilla/5.0',
      full_url: 'https://shop.example/p',
      previous_url: 'https://shop.example/',
    });
    expect((await idOf({}))?.['retailer_visitor_id']).toBe('cust_1');
  });

  it('accepts a visitor known only by the customer id', async () => {
    const body = await idOf({ email: undefined });
    expect(body?.['retailer_visitor_id']).toBe('cust_1');
    expect(body?.id).toEqual({ mapping_key: '70' });
  });
});

describe('criteo responses', () => {
  it('delivers a 200 with an empty or non-JSON body', () => {
    expect(parse(jsonResponse(200, {}), mapped(1), NOW)).toEqual([{ status: 'delivered' }]);
    expect(parse({ status: 200, headers: {}, body: 'OK', json: undefined }, mapped(1), NOW)).toEqual([
      { status: 'delivered' },
    ]);
  });

  it('rejects a 200 that lists errors (strings or objects)', () => {
    expect(
      parse(
        jsonResponse(200, {
          errors: ['account is invalid', { message: 'Unknown event', code: 'E42' }],
          warnings: [],
        }),
        mapped(1),
        NOW,
      ),
    ).toEqual([
      {
        status: 'rejected',
        code: 'criteo_error',
        reason: 'Criteo Events API refused the event: account is invalid; Unknown event (E42)',
      },
    ]);
  });

  it('keeps the warnings of a 200 on the delivery', () => {
    expect(
      parse(jsonResponse(200, { errors: [], warnings: ['timestamp is too old'] }), mapped(1), NOW),
    ).toEqual([{ status: 'delivered', warnings: ['Criteo Events API: timestamp is too old'] }]);
  });

  it('uses the HTTP status otherwise, with the first error as the reason', () => {
    expect(parse(jsonResponse(400, { errors: ['malformed JSON'] }), mapped(1), NOW)).toEqual([
      {
        status: 'rejected',
        code: 'http_400',
        reason: 'Criteo Events API rejected the request (400): malformed JSON',
      },
    ]);
    expect(parse(jsonResponse(503, {}, { 'retry-after': '5' }), mapped(1), NOW)).toEqual([
      { status: 'retryable', reason: 'Criteo Events API answered 503: {}', retryAfterMs: 5000 },
    ]);
  });
});
