import { describe, expect, it } from 'vitest';
import { omsBatchSchema, omsRecordSchema } from './oms-schema';
import { dedupKeyOf, relayEventFromJSON, relayEventToJSON, toRelayEvent } from './relay-event';

const seed = {
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
};

describe('omsRecordSchema / omsBatchSchema', () => {
  it('parses the seed record and keeps unknown fields', () => {
    const record = omsRecordSchema.parse({ ...seed, loyalty_tier: 'gold' });
    expect(record).toMatchObject({ order_revenue: 80.79, loyalty_tier: 'gold' });
  });

  it('turns a numeric order_id into a string', () => {
    expect(omsRecordSchema.parse({ ...seed, order_id: 42 }).order_id).toBe('42');
  });

  it('names the missing field and the invalid or zone-less datetime', () => {
    const missing = omsRecordSchema.safeParse({ ...seed, event_name: undefined });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => i.path)).toEqual([['event_name']]);
    for (const bad of ['yesterday', '2026-01-15T10:25:00', '2026-13-01T00:00:00Z']) {
      const r = omsRecordSchema.safeParse({ ...seed, event_time: bad });
      expect(r.error!.issues[0]!.path, bad).toEqual(['event_time']);
    }
    expect(omsRecordSchema.safeParse({ ...seed, event_time: '2026-01-15T10:25:00.123+02:00' }).success).toBe(
      true,
    );
  });

  it('parses a batch with its paging fields', () => {
    const batch = omsBatchSchema.parse({
      count: 1,
      data: [seed],
      error: '',
      next_index: 1000,
      previous_index: '',
    });
    expect(batch.data).toHaveLength(1);
    expect(batch.error).toBe('');
  });
});

describe('toRelayEvent', () => {
  it('maps the seed purchase exactly', () => {
    expect(toRelayEvent(omsRecordSchema.parse(seed))).toEqual({
      dedupKey: 'bosley:purchase_completed:2025020100003333',
      storefront: 'bosley',
      eventName: 'purchase_completed',
      occurredAt: new Date('2026-01-15T10:25:00Z'),
      orderId: '2025020100003333',
      value: 80.79,
      currency: 'USD',
      sessionId: 'sess_456',
      affiliate: 'bosleyaffiliate_0123',
      user: {},
      clickIds: {},
      utm: { source: 'google', medium: 'organic', campaign: 'bosley_q1' },
      items: [],
      consent: {},
      properties: { order_created_date: '2026-01-15T10:25:00Z', order_ship_date: '2026-01-15T10:25:00Z' },
    });
  });

  it('reads every field of events.md, first match wins, and keeps the rest in properties', () => {
    const event = toRelayEvent(
      omsRecordSchema.parse({
        storefront_id: 'Bosley',
        event_name: 'purchase_completed',
        event_time: '2026-01-15T10:25:00+01:00',
        order_id: 'O1',
        event_id: 'evt-1',
        value: '12.50',
        revenue: 99,
        currency: 'eur',
        customer_email: 'a@b.co',
        customer_phone: '555',
        first_name: 'Ann',
        last_name: 'Lee',
        city: 'Paris',
        state: 'IDF',
        postal_code: '75001',
        country: 'FR',
        customer_id: 'c1',
        client_ip: '1.2.3.4',
        user_agent: 'UA',
        fbc: 'fbc',
        fbp: 'fbp',
        fbclid: 'fbclid',
        gclid: 'g',
        gbraid: 'gb',
        wbraid: 'wb',
        ttclid: 'tt',
        ttp: 'ttp',
        sc_click_id: 'sc',
        epik: 'ep',
        rdt_cid: 'rd',
        twclid: 'tw',
        li_fat_id: 'li',
        msclkid: 'ms',
        irclickid: 'ir',
        cjevent: 'cj',
        utm_term: 'term',
        utm_content: 'content',
        items: [{ id: 'S1', name: 'Kit', price: '9.5', quantity: 2, category: 'kits' }, 'junk'],
        consent_ad_user_data: 'granted',
        consent_ad_personalization: 'denied',
        event_source_url: 'https://x.example/p',
        referrer: 'https://r.example',
        extra: { nested: true },
      }),
      { defaultCurrency: 'GBP' },
    );
    expect(event).toEqual({
      dedupKey: 'evt-1',
      storefront: 'bosley',
      eventName: 'purchase_completed',
      occurredAt: new Date('2026-01-15T09:25:00Z'),
      orderId: 'O1',
      value: 12.5,
      currency: 'EUR',
      user: {
        email: 'a@b.co',
        phone: '555',
        firstName: 'Ann',
        lastName: 'Lee',
        city: 'Paris',
        state: 'IDF',
        zip: '75001',
        country: 'FR',
        externalId: 'c1',
        ip: '1.2.3.4',
        userAgent: 'UA',
      },
      clickIds: {
        fbc: 'fbc',
        fbp: 'fbp',
        fbclid: 'fbclid',
        gclid: 'g',
        gbraid: 'gb',
        wbraid: 'wb',
        ttclid: 'tt',
        ttp: 'ttp',
        sc_click_id: 'sc',
        epik: 'ep',
        rdt_cid: 'rd',
        twclid: 'tw',
        li_fat_id: 'li',
        msclkid: 'ms',
        irclickid: 'ir',
        cjevent: 'cj',
      },
      utm: { term: 'term', content: 'content' },
      items: [{ id: 'S1', name: 'Kit', price: 9.5, quantity: 2, category: 'kits' }],
      consent: { adUserData: 'granted', adPersonalization: 'denied' },
      pageUrl: 'https://x.example/p',
      referrer: 'https://r.example',
      properties: { extra: { nested: true } },
    });
  });

  it('uses the configured default currency', () => {
    expect(toRelayEvent(omsRecordSchema.parse(seed), { defaultCurrency: 'cad' }).currency).toBe('CAD');
  });

  it('round-trips through JSON', () => {
    const event = toRelayEvent(omsRecordSchema.parse(seed));
    expect(relayEventFromJSON(JSON.parse(JSON.stringify(relayEventToJSON(event))))).toEqual(event);
  });

  it('dedup key: event_id when present, else storefront:event_name:order_id', () => {
    expect(dedupKeyOf({ storefront_id: ' Bosley ', event_name: 'lead', order_id: 7 })).toBe('bosley:lead:7');
    expect(dedupKeyOf({ storefront_id: 'b', event_name: 'lead', order_id: 7, event_id: 'e-9' })).toBe('e-9');
  });
});
