import { type OmsRecordInput, type RelayEvent, omsRecordSchema, toRelayEvent } from '@relay/core';

/** The fixed clock of every adapter test: shortly after the seed batch's events. */
export const FIXED_NOW = new Date('2026-01-15T12:00:00.000Z');

/** The seed README's example batch, exactly as the OMS posts it. */
export const SEED_BATCH = {
  count: 4000,
  data: [
    {
      't-value': 'bosleyaffiliate_0123',
      storefront_id: 'bosley',
      event_name: 'consult_started',
      event_time: '2026-01-15T10:15:00Z',
      order_id: '2025010100001111',
      session_id: 'sess_123',
      utm_source: 'facebook',
      utm_medium: 'cpc',
      utm_campaign: 'bosley_q1',
    },
    {
      't-value': 'pfizeraffiliate_0123',
      storefront_id: 'pfizer',
      event_name: 'rx_issued',
      event_time: '2026-01-15T10:20:30Z',
      order_id: '2025010100002222',
      session_id: 'sess_789',
      utm_source: 'google',
      utm_medium: 'cpc',
      utm_campaign: 'pfizer_q1',
    },
    {
      't-value': 'bosleyaffiliate_0123',
      storefront_id: 'bosley',
      event_name: 'purchase_completed',
      event_time: '2026-01-15T10:25:00Z',
      order_id: '2025020100003333',
      order_created_date: '2026-01-15T10:25:00Z',
      order_ship_date: '2026-01-15T10:25:00Z',
      order_revenue: 80.79,
      session_id: 'sess_456',
      utm_source: 'google',
      utm_medium: 'organic',
      utm_campaign: 'bosley_q1',
    },
  ],
  error: '',
  next_index: 1000,
  next_url: '...',
  previous_index: '',
  previous_url: '',
} as const;

/** A purchase with every field Relay reads filled in. */
export const FULL_PURCHASE_RECORD = {
  event_id: 'evt_full_0001',
  storefront_id: 'bosley',
  event_name: 'purchase_completed',
  event_time: '2026-01-15T11:30:00Z',
  order_id: 'ORD-1001',
  order_revenue: 129.5,
  currency: 'usd',
  email: ' John.Doe@Example.COM ',
  phone: '(555) 123-4567',
  first_name: 'John',
  last_name: 'Doe',
  city: 'New York',
  state: 'NY',
  zip: '10001-1234',
  country: 'US',
  external_id: 'cust_42',
  ip_address: '203.0.113.7',
  user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15',
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
  session_id: 'sess_full',
  utm_source: 'google',
  utm_medium: 'cpc',
  utm_campaign: 'bosley_q1',
  't-value': 'bosleyaffiliate_0123',
  page_url: 'https://www.bosley.com/checkout/complete',
  items: [
    { id: 'SKU-1', name: 'Hair Regrowth Kit', price: 99.5, quantity: 1, category: 'kits' },
    { id: 'SKU-2', name: 'Shampoo', price: 15, quantity: 2, category: 'care' },
  ],
  consent_ad_user_data: 'granted',
  consent_ad_personalization: 'denied',
} as const;

/** Parse a record the way the host does and give its RelayEvent. */
export function eventFromRecord(record: OmsRecordInput | Record<string, unknown>): RelayEvent {
  return toRelayEvent(omsRecordSchema.parse(record));
}

/** The seed batch's three events as RelayEvents; `extra` record keys (e.g. a click id) are added to each. */
export function seedEvents(extra: Record<string, unknown> = {}): RelayEvent[] {
  return SEED_BATCH.data.map((r) => eventFromRecord({ ...r, ...extra }));
}

/** The fully populated purchase as a RelayEvent; `extra` record keys are added to it. */
export function fullPurchaseEvent(extra: Record<string, unknown> = {}): RelayEvent {
  return eventFromRecord({ ...FULL_PURCHASE_RECORD, ...extra });
}

/** A small event of the given name, for batching and mapping tests. */
export function sampleEvent(eventName: string, n = 1, overrides: Record<string, unknown> = {}): RelayEvent {
  return eventFromRecord({
    storefront_id: 'bosley',
    event_name: eventName,
    event_time: '2026-01-15T11:00:00Z',
    order_id: `ORD-${String(n).padStart(4, '0')}`,
    order_revenue: 10 + n,
    email: `user${n}@example.com`,
    phone: '+15551230000',
    external_id: `cust_${n}`,
    ip_address: '203.0.113.7',
    user_agent: 'Mozilla/5.0',
    fbp: 'fb.1.1736935100000.123456789',
    gclid: `gclid-${n}`,
    ttclid: `ttclid-${n}`,
    sc_click_id: `sc-${n}`,
    epik: `epik-${n}`,
    twclid: `twclid-${n}`,
    li_fat_id: `li-${n}`,
    msclkid: `ms-${n}`,
    ...overrides,
  });
}
