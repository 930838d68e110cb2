import { describe, expect, it } from 'vitest';
import { contextProperties, productList } from './event-properties';
import { omsRecordSchema } from './oms-schema';
import { toRelayEvent } from './relay-event';

const event = (extra: Record<string, unknown> = {}) =>
  toRelayEvent(
    omsRecordSchema.parse({
      storefront_id: 'bosley',
      event_name: 'purchase_completed',
      event_time: '2026-01-15T10:25:00Z',
      order_id: 'ORD-1',
      ...extra,
    }),
  );

describe('contextProperties', () => {
  it('gives the OMS context and leaves absent fields out', () => {
    expect(contextProperties(event())).toEqual({
      oms_event_name: 'purchase_completed',
      storefront: 'bosley',
    });
    expect(
      contextProperties(
        event({ session_id: 's1', utm_source: 'google', utm_campaign: 'q1', 't-value': 'aff_1' }),
      ),
    ).toEqual({
      oms_event_name: 'purchase_completed',
      storefront: 'bosley',
      session_id: 's1',
      utm_source: 'google',
      utm_campaign: 'q1',
      affiliate: 'aff_1',
    });
  });
});

describe('productList', () => {
  it('names the id with the platform key and leaves absent fields out', () => {
    const items = [
      { id: 'SKU-1', name: 'Kit', price: 99.5, quantity: 1, category: 'kits' },
      { id: 'SKU-2', quantity: 2 },
    ];
    expect(productList(items, 'productId')).toEqual([
      { productId: 'SKU-1', name: 'Kit', price: 99.5, quantity: 1, category: 'kits' },
      { productId: 'SKU-2', quantity: 2 },
    ]);
    expect(productList([])).toBeUndefined();
  });
});
