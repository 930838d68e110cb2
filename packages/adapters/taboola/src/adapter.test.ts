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

// The shared fixtures carry no Taboola click id: the suite adds one (`tblci`, the default key).
testAdapterConformance(adapter, {
  record: { tblci: 'conformance-click-id' },
  success: () => ({ status: 204 }),
});

const NOW = new Date('2026-01-15T12:00:00Z');
/** Taboola's sample click id from its postback documentation. */
const TBLCI = 'GiDxLZcEVjwEqkGfKQMQndUYMIeZXFHmZ0DrHIJhGS6kKiDzkGUos9GzkpqG-YHQATCwxlQ';

type Body = { actions: Array<Record<string, unknown>> };
const actionsOf = (request: { json: unknown } | undefined) => (request!.json as Body).actions;
const withClick = (record: Record<string, unknown>, tblci = TBLCI) => eventFromRecord({ ...record, tblci });

/** The canonical events this platform takes (refunds are skipped by core: it declares no refund mapping). */
const SENT_EVENTS = CANONICAL_EVENTS.filter((name) => eventKind(name) !== 'refund');

describe('taboola requests', () => {
  it('skips the bare seed events without sending anything: none carries a Taboola click id', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toMatchInlineSnapshot(`
      [
        {
          "reason": "no Taboola click id (record key 'tblci'): Taboola attributes S2S conversions only to a Taboola click, so this event is not sent",
          "status": "skipped",
        },
        {
          "reason": "no Taboola click id (record key 'tblci'): Taboola attributes S2S conversions only to a Taboola click, so this event is not sent",
          "status": "skipped",
        },
        {
          "reason": "no Taboola click id (record key 'tblci'): Taboola attributes S2S conversions only to a Taboola click, so this event is not sent",
          "status": "skipped",
        },
      ]
    `);
  });

  it('sends the seed events that came from a Taboola click in one bulk request', async () => {
    const events = SEED_BATCH.data.map((record, i) => withClick(record, `${TBLCI}-${i}`));
    const { requests, results } = await runAdapter(adapter, events, { respond: () => ({ status: 204 }) });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(
      requests.map((r) => ({ method: r.method, url: r.url, headers: r.headers, json: r.json })),
    ).toMatchInlineSnapshot(`
      [
        {
          "headers": {
            "content-type": "application/json",
          },
          "json": {
            "actions": [
              {
                "click-id": "GiDxLZcEVjwEqkGfKQMQndUYMIeZXFHmZ0DrHIJhGS6kKiDzkGUos9GzkpqG-YHQATCwxlQ-0",
                "name": "consult_started",
                "orderid": "2025010100001111",
                "timestamp": 1768472100000,
              },
              {
                "click-id": "GiDxLZcEVjwEqkGfKQMQndUYMIeZXFHmZ0DrHIJhGS6kKiDzkGUos9GzkpqG-YHQATCwxlQ-1",
                "name": "rx_issued",
                "orderid": "2025010100002222",
                "timestamp": 1768472430000,
              },
              {
                "click-id": "GiDxLZcEVjwEqkGfKQMQndUYMIeZXFHmZ0DrHIJhGS6kKiDzkGUos9GzkpqG-YHQATCwxlQ-2",
                "currency": "USD",
                "name": "make_purchase",
                "orderid": "2025020100003333",
                "revenue": 80.79,
                "timestamp": 1768472700000,
              },
            ],
          },
          "method": "POST",
          "url": "https://trc.taboola.com/1234567/log/3/bulk-s2s-action",
        },
      ]
    `);
  });

  it('skips the fully populated purchase without a click id, and sends it exactly with one', async () => {
    const bare = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(bare.requests).toEqual([]);
    expect(bare.results[0]!.outcome.status).toBe('skipped');

    const { requests } = await runAdapter(adapter, [withClick(FULL_PURCHASE_RECORD)]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "actions": [
          {
            "click-id": "GiDxLZcEVjwEqkGfKQMQndUYMIeZXFHmZ0DrHIJhGS6kKiDzkGUos9GzkpqG-YHQATCwxlQ",
            "currency": "USD",
            "name": "make_purchase",
            "orderid": "ORD-1001",
            "quantity": 3,
            "revenue": 129.5,
            "timestamp": 1768476600000,
          },
        ],
      }
    `);
  });

  it('sends only the events with a click id, keeping every other event’s skip reason in place', async () => {
    const events = [
      sampleEvent('purchase_completed', 1, { tblci: 'click-1' }),
      sampleEvent('purchase_completed', 2),
      sampleEvent('add_to_cart', 3, { tblci: '  click-3  ' }),
      sampleEvent('lead', 4, { tblci: '   ' }),
    ];
    const { requests, results, attempts } = await runAdapter(adapter, events);
    expect(requests).toHaveLength(1);
    expect(attempts[0]!.eventIndexes).toEqual([0, 2]);
    expect(actionsOf(requests[0]).map((a) => [a['click-id'], a['name']])).toEqual([
      ['click-1', 'make_purchase'],
      ['click-3', 'add_to_cart'],
    ]);
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'skipped', 'delivered', 'skipped']);
  });

  it('keeps the click id’s case and reads it from the key named by options.click_id_key', async () => {
    const event = sampleEvent('purchase_completed', 1, { taboola_click_id: 'AbC-xYz_123', tblci: 'other' });
    const { requests } = await runAdapter(adapter, [event], {
      options: { click_id_key: 'taboola_click_id' },
    });
    expect(actionsOf(requests[0])[0]!['click-id']).toBe('AbC-xYz_123');
  });

  it('maps the canonical events to Taboola’s default event names and passes the others through', async () => {
    const events = SENT_EVENTS.map((name, i) => sampleEvent(name, i + 1, { tblci: `click-${i}` }));
    const { requests, results } = await runAdapter(adapter, events);
    expect(results.every((r) => r.outcome.status === 'delivered')).toBe(true);
    expect(
      Object.fromEntries(SENT_EVENTS.map((name, i) => [name, actionsOf(requests[0])[i]!['name']])),
    ).toEqual({
      purchase_completed: 'make_purchase',
      checkout_started: 'start_checkout',
      begin_checkout: 'start_checkout',
      add_to_cart: 'add_to_cart',
      lead: 'lead',
      consult_completed: 'lead',
      complete_registration: 'complete_registration',
      signup: 'complete_registration',
      page_view: 'page_view',
      consult_started: 'consult_started',
      rx_issued: 'rx_issued',
    });
  });

  it('uses the credential’s event names and stops events mapped to nothing', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [sampleEvent('purchase_completed', 1, { tblci: 'c1' }), sampleEvent('rx_issued', 2, { tblci: 'c2' })],
      { options: { eventMap: { purchase_completed: 'purchase', rx_issued: null } } },
    );
    expect(actionsOf(requests[0]).map((a) => a['name'])).toEqual(['purchase']);
    expect(results[1]!.outcome).toEqual({
      status: 'skipped',
      reason: "event 'rx_issued' is mapped to nothing for this credential",
    });
  });

  it('leaves revenue and currency out for a currency Taboola does not list, with a warning', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [
        sampleEvent('purchase_completed', 1, { tblci: 'c1', currency: 'chf' }),
        sampleEvent('purchase_completed', 2, { tblci: 'c2', currency: 'eur' }),
      ],
      { respond: () => ({ status: 204 }) },
    );
    expect(actionsOf(requests[0])).toEqual([
      {
        'click-id': 'c1',
        timestamp: Date.parse('2026-01-15T11:00:00Z'),
        name: 'make_purchase',
        orderid: 'ORD-0001',
      },
      {
        'click-id': 'c2',
        timestamp: Date.parse('2026-01-15T11:00:00Z'),
        name: 'make_purchase',
        revenue: 12,
        currency: 'EUR',
        orderid: 'ORD-0002',
      },
    ]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'delivered',
        warnings: [
          'revenue 11 CHF left out: Taboola does not take CHF (it would read the value in the account currency)',
        ],
      },
      { status: 'delivered' },
    ]);
  });

  it('sends a zero revenue, and no revenue or quantity when the event has none', async () => {
    const { requests } = await runAdapter(adapter, [
      sampleEvent('lead', 1, { tblci: 'c1', order_revenue: 0 }),
      sampleEvent('lead', 2, { tblci: 'c2', order_revenue: undefined }),
      sampleEvent('purchase_completed', 3, {
        tblci: 'c3',
        items: [{ id: 'A', quantity: 3 }, { id: 'B' }],
      }),
    ]);
    const actions = actionsOf(requests[0]);
    expect(actions[0]).toMatchObject({ revenue: 0, currency: 'USD' });
    expect(actions[0]).not.toHaveProperty('quantity');
    expect(actions[1]).not.toHaveProperty('revenue');
    expect(actions[1]).not.toHaveProperty('currency');
    expect(actions[2]!['quantity']).toBe(4);
  });

  it('sends no personal data: Taboola matches on the click id only', async () => {
    const event = withClick({
      ...FULL_PURCHASE_RECORD,
      email: ' John.Doe@Example.COM ',
      phone: '(555) 123-4567',
    });
    const { requests } = await runAdapter(adapter, [event]);
    const body = requests[0]!.body;
    for (const value of ['john.doe', 'John.Doe', '5551234567', '203.0.113.7', 'cust_42', 'Doe']) {
      expect(body).not.toContain(value);
    }
  });

  it('refuses an account id that is not numeric, naming the field', async () => {
    await expect(
      runAdapter(adapter, [sampleEvent('lead', 1, { tblci: 'c1' })], {
        credentials: { account_id: 'acme-advertiser' },
      }),
    ).rejects.toThrow(/account_id/);
  });
});

describe('taboola responses', () => {
  it('204 (and any 2xx) delivers every event: bulk conversions are not validated', () => {
    expect(
      parseResponse({ status: 204, headers: {}, body: '', json: undefined }, mappedEvents(2), NOW),
    ).toEqual([{ status: 'delivered' }, { status: 'delivered' }]);
    expect(parseResponse(jsonResponse(200, {}), mappedEvents(1), NOW)).toEqual([{ status: 'delivered' }]);
  });

  it('401 and 403 need attention (no token to refresh: the endpoint takes no credentials)', () => {
    expect(
      parseResponse(
        { status: 401, headers: {}, body: 'Unauthorized', json: undefined },
        mappedEvents(1),
        NOW,
      ),
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Taboola S2S Conversions refused the request (401); check account_id and that the account has S2S tracking set up: Unauthorized',
    });
    expect(parseResponse(jsonResponse(403, { message: 'Forbidden' }), mappedEvents(2), NOW)).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason:
        'Taboola S2S Conversions refused the request (403); check account_id and that the account has S2S tracking set up: {"message":"Forbidden"}',
    });
  });

  it("other answers follow core's table: 400 rejected with the body, 429 and 5xx retried", () => {
    expect(
      parseResponse(
        { status: 400, headers: {}, body: 'Bad Request', json: undefined },
        mappedEvents(2, 'make_purchase'),
        NOW,
      ),
    ).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'Taboola S2S Conversions rejected the request (400): Bad Request',
    });
    expect(
      parseResponse(
        { status: 429, headers: { 'retry-after': '30' }, body: '', json: undefined },
        mappedEvents(1),
        NOW,
      ),
    ).toEqual({
      status: 'retryable',
      reason: 'Taboola S2S Conversions answered 429: HTTP 429',
      retryAfterMs: 30_000,
    });
    expect(
      parseResponse({ status: 502, headers: {}, body: 'Bad Gateway', json: undefined }, mappedEvents(1), NOW),
    ).toEqual({ status: 'retryable', reason: 'Taboola S2S Conversions answered 502: Bad Gateway' });
  });
});
