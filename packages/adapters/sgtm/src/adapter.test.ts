import { fullPurchaseEvent, runAdapter, seedEvents, testAdapterConformance } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';

testAdapterConformance(adapter);
testAdapterConformance(adapter, {
  credentials: {
    sgtm_url: 'https://sgtm.example.com',
    client_type: 'custom',
    custom_endpoint_path: '/relay',
    custom_headers: { authorization: 'Bearer custom-client-token-123456' },
  },
});

describe('sgtm ga4 client', () => {
  it('builds the exact requests for the seed events', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(results.map((r) => [r.platformEventName, r.outcome.status])).toEqual([
      ['consult_started', 'delivered'],
      ['rx_issued', 'delivered'],
      ['purchase', 'delivered'],
    ]);
    expect(requests.map((r) => ({ url: r.url, headers: r.headers, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "headers": {
            "content-type": "application/json",
          },
          "json": {
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
                  "affiliation": "bosleyaffiliate_0123",
                  "currency": "USD",
                  "event_id": "bosley:consult_started:2025010100001111",
                  "transaction_id": "2025010100001111",
                },
                "timestamp_micros": 1768472100000000,
              },
            ],
            "timestamp_micros": 1768472100000000,
          },
          "url": "https://sgtm.example.com/mp/collect?measurement_id=G-TEST123456&api_secret=example-api-secret-123456",
        },
        {
          "headers": {
            "content-type": "application/json",
          },
          "json": {
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
                  "affiliation": "pfizeraffiliate_0123",
                  "currency": "USD",
                  "event_id": "pfizer:rx_issued:2025010100002222",
                  "transaction_id": "2025010100002222",
                },
                "timestamp_micros": 1768472430000000,
              },
            ],
            "timestamp_micros": 1768472430000000,
          },
          "url": "https://sgtm.example.com/mp/collect?measurement_id=G-TEST123456&api_secret=example-api-secret-123456",
        },
        {
          "headers": {
            "content-type": "application/json",
          },
          "json": {
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
                  "affiliation": "bosleyaffiliate_0123",
                  "currency": "USD",
                  "event_id": "bosley:purchase_completed:2025020100003333",
                  "order_created_date": "2026-01-15T10:25:00Z",
                  "order_ship_date": "2026-01-15T10:25:00Z",
                  "transaction_id": "2025020100003333",
                  "value": 80.79,
                },
                "timestamp_micros": 1768472700000000,
              },
            ],
            "timestamp_micros": 1768472700000000,
          },
          "url": "https://sgtm.example.com/mp/collect?measurement_id=G-TEST123456&api_secret=example-api-secret-123456",
        },
      ]
    `);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()]);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
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
              "affiliation": "bosleyaffiliate_0123",
              "currency": "USD",
              "event_id": "evt_full_0001",
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
        "non_personalized_ads": true,
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
});
