import { sha256Hex } from '@relay/core';
import {
  eventFromRecord,
  FULL_PURCHASE_RECORD,
  fullPurchaseEvent,
  runAdapter,
  sampleEvent,
  seedEvents,
  testAdapterConformance,
} from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { clientIdFor } from './client-id';
import { ga4EventName } from './event-map';
import { adapter } from './index';

testAdapterConformance(adapter);
describe('validation mode', () => {
  testAdapterConformance(adapter, {
    options: { validate: true },
    success: () => ({ status: 200, body: { validationMessages: [] } }),
  });
});

describe('ga4 requests', () => {
  it('builds the exact bodies for the seed events: one request per client, each event at its own time', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(results.map((r) => [r.platformEventName, r.outcome])).toEqual([
      ['consult_started', { status: 'delivered' }],
      ['rx_issued', { status: 'delivered' }],
      ['purchase', { status: 'delivered' }],
    ]);
    expect(requests.map((r) => r.url)).toEqual(
      Array.from(
        { length: 3 },
        () =>
          'https://www.google-analytics.com/mp/collect?measurement_id=G-ABC123XYZ9&api_secret=example-mp-api-secret-1234',
      ),
    );
    expect(requests.map((r) => r.json)).toMatchInlineSnapshot(`
      [
        {
          "client_id": "1436168266.2571359314",
          "events": [
            {
              "name": "campaign_details",
              "params": {
                "campaign": "bosley_q1",
                "medium": "cpc",
                "source": "facebook",
              },
              "timestamp_micros": 1768472100000000,
            },
            {
              "name": "consult_started",
              "params": {
                "engagement_time_msec": 1,
                "transaction_id": "2025010100001111",
              },
              "timestamp_micros": 1768472100000000,
            },
          ],
          "timestamp_micros": 1768472100000000,
        },
        {
          "client_id": "596293393.799495873",
          "events": [
            {
              "name": "campaign_details",
              "params": {
                "campaign": "pfizer_q1",
                "medium": "cpc",
                "source": "google",
              },
              "timestamp_micros": 1768472430000000,
            },
            {
              "name": "rx_issued",
              "params": {
                "engagement_time_msec": 1,
                "transaction_id": "2025010100002222",
              },
              "timestamp_micros": 1768472430000000,
            },
          ],
          "timestamp_micros": 1768472430000000,
        },
        {
          "client_id": "2087633737.3416242577",
          "events": [
            {
              "name": "campaign_details",
              "params": {
                "campaign": "bosley_q1",
                "medium": "organic",
                "source": "google",
              },
              "timestamp_micros": 1768472700000000,
            },
            {
              "name": "purchase",
              "params": {
                "currency": "USD",
                "engagement_time_msec": 1,
                "transaction_id": "2025020100003333",
                "value": 80.79,
              },
              "timestamp_micros": 1768472700000000,
            },
          ],
          "timestamp_micros": 1768472700000000,
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]!.json).toMatchInlineSnapshot(`
      {
        "client_id": "1942277804.2222300282",
        "consent": {
          "ad_personalization": "DENIED",
          "ad_user_data": "GRANTED",
        },
        "events": [
          {
            "name": "campaign_details",
            "params": {
              "campaign": "bosley_q1",
              "medium": "cpc",
              "source": "google",
            },
            "timestamp_micros": 1768476600000000,
          },
          {
            "name": "purchase",
            "params": {
              "currency": "USD",
              "engagement_time_msec": 1,
              "items": [
                {
                  "item_category": "kits",
                  "item_id": "SKU-1",
                  "item_name": "Hair Regrowth Kit",
                  "price": 99.5,
                  "quantity": 1,
                },
                {
                  "item_category": "care",
                  "item_id": "SKU-2",
                  "item_name": "Shampoo",
                  "price": 15,
                  "quantity": 2,
                },
              ],
              "page_location": "https://www.bosley.com/checkout/complete",
              "transaction_id": "ORD-1001",
              "value": 129.5,
            },
            "timestamp_micros": 1768476600000000,
          },
        ],
        "timestamp_micros": 1768476600000000,
        "user_data": {
          "address": [
            {
              "city": "new york",
              "country": "US",
              "postal_code": "10001",
              "region": "ny",
              "sha256_first_name": "96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a",
              "sha256_last_name": "799ef92a11af918e3fb741df42934f3b568ed2d93ac1df74f1b8d41a27932a6f",
            },
          ],
          "sha256_email_address": [
            "836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f",
          ],
          "sha256_phone_number": [
            "8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4",
          ],
        },
        "user_id": "cust_42",
      }
    `);
  });

  it('groups events of the same client and user into one request of at most 25', async () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      sampleEvent('add_to_cart', i + 1, {
        email: 'same@example.com',
        external_id: 'cust_1',
        session_id: 's1',
      }),
    );
    const { requests } = await runAdapter(adapter, events);
    expect(requests.map((r) => (r.json as { events: unknown[] }).events.length)).toEqual([25, 5]);
    expect(new Set(requests.map((r) => (r.json as { client_id: string }).client_id)).size).toBe(1);
  });

  it('uses the GA client id the OMS sends, and the EU endpoint on request', async () => {
    const event = eventFromRecord({
      ...FULL_PURCHASE_RECORD,
      ga_client_id: '1234567890.1736935200',
      ga_session_id: '1736935200',
    });
    const { requests } = await runAdapter(adapter, [event], { options: { region: 'eu' } });
    expect(requests[0]!.url).toBe(
      'https://region1.google-analytics.com/mp/collect?measurement_id=G-ABC123XYZ9&api_secret=example-mp-api-secret-1234',
    );
    const body = requests[0]!.json as {
      client_id: string;
      events: Array<{ name: string; params: { session_id: string } }>;
    };
    expect(body.client_id).toBe('1234567890.1736935200');
    expect(body.events.find((e) => e.name === 'purchase')!.params.session_id).toBe('1736935200');
  });

  it('derives a stable client id from the session, else from the dedup key', () => {
    const [a, b] = [
      sampleEvent('lead', 1, { session_id: 'sess_9' }),
      sampleEvent('purchase_completed', 2, { session_id: 'sess_9' }),
    ];
    expect(clientIdFor(a!)).toBe(clientIdFor(b!));
    expect(clientIdFor(a!)).toMatch(/^\d+\.\d+$/);
    expect(clientIdFor(sampleEvent('lead', 1))).not.toBe(clientIdFor(sampleEvent('lead', 2)));
  });

  it('rejects events older than 72 hours without sending them', async () => {
    const old = sampleEvent('purchase_completed', 1, { event_time: '2026-01-12T11:59:00Z' });
    const { results, requests } = await runAdapter(adapter, [old]);
    expect(requests).toEqual([]);
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'event_too_old',
      reason:
        'Google Analytics 4 accepts events up to 3 days old; this one happened at 2026-01-12T11:59:00.000Z',
    });
  });

  it('validation mode posts to /debug/mp/collect with ENFORCE_RECOMMENDATIONS', async () => {
    const { requests, results } = await runAdapter(adapter, [sampleEvent('purchase_completed')], {
      options: { validate: true },
      respond: () => ({ status: 200, body: { validationMessages: [] } }),
    });
    expect(requests[0]!.url).toBe(
      'https://www.google-analytics.com/debug/mp/collect?measurement_id=G-ABC123XYZ9&api_secret=example-mp-api-secret-1234',
    );
    expect((requests[0]!.json as { validation_behavior: string }).validation_behavior).toBe(
      'ENFORCE_RECOMMENDATIONS',
    );
    expect(results[0]!.outcome).toEqual({
      status: 'delivered',
      warnings: ['validated by GA4 /debug/mp/collect; not recorded (validation mode)'],
    });
  });
});

describe('ga4 event names', () => {
  it('maps the canonical events to GA4 recommended events', async () => {
    const names = [
      'purchase_completed',
      'checkout_started',
      'add_to_cart',
      'lead',
      'consult_completed',
      'signup',
      'page_view',
    ];
    const { results } = await runAdapter(
      adapter,
      names.map((n, i) => sampleEvent(n, i + 1)),
    );
    expect(results.map((r) => r.platformEventName)).toEqual([
      'purchase',
      'begin_checkout',
      'add_to_cart',
      'generate_lead',
      'generate_lead',
      'sign_up',
      'page_view',
    ]);
  });

  it('sends refunds and cancellations as GA4 refund events with the transaction id and the refunded amount', async () => {
    const { results, requests } = await runAdapter(adapter, [
      sampleEvent('order_refunded', 1, { order_revenue: -20.5 }),
      sampleEvent('order_cancelled', 2, { order_revenue: 80.79 }),
    ]);
    expect(results.map((r) => [r.platformEventName, r.outcome.status])).toEqual([
      ['refund', 'delivered'],
      ['refund', 'delivered'],
    ]);
    const events = requests.flatMap(
      (r) => (r.json as { events: Array<{ name: string; params: Record<string, unknown> }> }).events,
    );
    expect(
      events.map((e) => ({
        name: e.name,
        transaction_id: e.params['transaction_id'],
        value: e.params['value'],
        currency: e.params['currency'],
      })),
    ).toEqual([
      { name: 'refund', transaction_id: 'ORD-0001', value: 20.5, currency: 'USD' },
      { name: 'refund', transaction_id: 'ORD-0002', value: 80.79, currency: 'USD' },
    ]);
  });

  it('sanitises custom names to GA4 rules', () => {
    expect(ga4EventName('rx_issued')).toBe('rx_issued');
    expect(ga4EventName('Consult Started!')).toBe('Consult_Started');
    expect(ga4EventName('1st-visit')).toBe('e_1st_visit');
    expect(ga4EventName('session_start')).toBe('custom_session_start');
    expect(ga4EventName('google_thing')).toBe('thing');
    expect(ga4EventName('a'.repeat(50))).toBe('a'.repeat(40));
  });
});

describe('ga4 user data', () => {
  const userDataOf = async (record: Record<string, unknown>) => {
    const event = eventFromRecord({
      storefront_id: 'bosley',
      event_name: 'lead',
      event_time: '2026-01-15T11:00:00Z',
      order_id: 'L1',
      ...record,
    });
    const { requests } = await runAdapter(adapter, [event]);
    return (requests[0]!.json as { user_data?: unknown }).user_data;
  };

  it('hashes the canonical examples', async () => {
    expect(await userDataOf({ email: ' John.Doe@Example.COM ', phone: '(555) 123-4567' })).toEqual({
      sha256_email_address: [sha256Hex('john.doe@example.com')],
      sha256_phone_number: [sha256Hex('+15551234567')],
    });
  });

  it('passes 64-hex values through and removes gmail dots', async () => {
    expect(await userDataOf({ email: 'C'.repeat(64), phone: 'd'.repeat(64) })).toEqual({
      sha256_email_address: ['c'.repeat(64)],
      sha256_phone_number: ['d'.repeat(64)],
    });
    expect(await userDataOf({ email: 'Jane.Roe@gmail.com' })).toEqual({
      sha256_email_address: [sha256Hex('janeroe@gmail.com')],
    });
  });

  it('sends no user_data without identifiers', async () => {
    expect(await userDataOf({})).toBeUndefined();
  });
});
