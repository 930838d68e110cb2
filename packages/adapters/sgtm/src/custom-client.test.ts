import { fullPurchaseEvent, runAdapter, seedEvents } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';

const credentials = {
  sgtm_url: 'https://sgtm.example.com/',
  client_type: 'custom',
  custom_endpoint_path: '/relay/events',
  custom_headers: {
    authorization: 'Bearer custom-client-token-123456',
    'x-gtm-server-preview': 'preview-abc',
  },
};

describe('sgtm custom client', () => {
  it('posts one JSON event per request to sgtm_url + custom_endpoint_path with the configured headers', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents(), { credentials });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(requests.map((r) => r.url)).toEqual([
      'https://sgtm.example.com/relay/events',
      'https://sgtm.example.com/relay/events',
      'https://sgtm.example.com/relay/events',
    ]);
    expect(requests[0]!.headers).toEqual({
      authorization: 'Bearer custom-client-token-123456',
      'x-gtm-server-preview': 'preview-abc',
      'content-type': 'application/json',
    });
    expect(requests[2]!.json).toEqual({
      event_name: 'purchase',
      oms_event_name: 'purchase_completed',
      custom_event: false,
      event_id: 'bosley:purchase_completed:2025020100003333',
      event_time: '2026-01-15T10:25:00.000Z',
      timestamp_micros: 1768472700000000,
      storefront_id: 'bosley',
      order_id: '2025020100003333',
      value: 80.79,
      currency: 'USD',
      client_id: '2087633737.3416242577',
      session_id: 'sess_456',
      user: {},
      click_ids: {},
      utm: { source: 'google', medium: 'organic', campaign: 'bosley_q1' },
      affiliate: 'bosleyaffiliate_0123',
      items: [],
      consent: {},
      properties: { order_created_date: '2026-01-15T10:25:00Z', order_ship_date: '2026-01-15T10:25:00Z' },
    });
    expect(requests[0]!.json).toMatchObject({
      event_name: 'consult_started',
      oms_event_name: 'consult_started',
      custom_event: true,
      event_id: 'bosley:consult_started:2025010100001111',
      event_time: '2026-01-15T10:15:00.000Z',
      client_id: '1436168266.2571359314',
    });
    expect(requests[1]!.json).toMatchObject({ event_name: 'rx_issued', storefront_id: 'pfizer' });
  });

  it('sends every field of a fully populated purchase, identifiers hashed', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], { credentials });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.json).toEqual({
      event_name: 'purchase',
      oms_event_name: 'purchase_completed',
      custom_event: false,
      event_id: 'evt_full_0001',
      event_time: '2026-01-15T11:30:00.000Z',
      timestamp_micros: 1768476600000000,
      storefront_id: 'bosley',
      order_id: 'ORD-1001',
      value: 129.5,
      currency: 'USD',
      client_id: '1942277804.2222300282',
      session_id: 'sess_full',
      user: {
        user_id: 'cust_42',
        sha256_email_address: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
        sha256_phone_number: '8a59780bb8cd2ba022bfa5ba2ea3b6e07af17a7d8b30c1f9b3390e36f69019e4',
        sha256_first_name: '96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a',
        sha256_last_name: '799ef92a11af918e3fb741df42934f3b568ed2d93ac1df74f1b8d41a27932a6f',
        sha256_external_id: '2b1cb0b84296c10ce6cc722d09a874d1f0cc1865615cb94ee50e62354aec017b',
        city: 'New York',
        region: 'NY',
        postal_code: '10001-1234',
        country: 'US',
        ip_address: '203.0.113.7',
        user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15',
      },
      click_ids: {
        fbc: 'fb.1.1736935200000.IwAR0abc',
        fbp: 'fb.1.1736935100000.123456789',
        gclid: 'Cj0KCQiA-test-gclid',
        ttclid: 'E.C.P.test-ttclid',
        ttp: 'ttp-cookie-value',
        sc_click_id: 'sc-click-123',
        epik: 'dj0yJnU9test-epik',
        rdt_cid: 'rdt-click-123',
        twclid: 'tw-click-123',
        li_fat_id: 'li-fat-123',
        msclkid: 'ms-click-123',
      },
      utm: { source: 'google', medium: 'cpc', campaign: 'bosley_q1' },
      affiliate: 'bosleyaffiliate_0123',
      page_location: 'https://www.bosley.com/checkout/complete',
      items: [
        { id: 'SKU-1', name: 'Hair Regrowth Kit', price: 99.5, quantity: 1, category: 'kits' },
        { id: 'SKU-2', name: 'Shampoo', price: 15, quantity: 2, category: 'care' },
      ],
      consent: { ad_user_data: 'granted', ad_personalization: 'denied' },
      properties: {},
    });
  });

  it('defaults the path to /events and keeps custom headers out of audits', async () => {
    const { requests, attempts } = await runAdapter(adapter, [fullPurchaseEvent()], {
      credentials: {
        sgtm_url: 'http://10.0.0.5:8080',
        client_type: 'custom',
        custom_headers: { 'x-key': 'hdr-secret-999' },
      },
      respond: () => ({ status: 400, body: { error: 'bad x-key hdr-secret-999' } }),
    });
    expect(requests[0]!.url).toBe('http://10.0.0.5:8080/events');
    expect(attempts[0]!.response).toBe('{"error":"bad x-key [REDACTED]"}');
  });
});
