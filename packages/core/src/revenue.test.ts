import { describe, expect, it } from 'vitest';
import type { MappedEvent } from './adapter';
import { bookedRevenue, eventValueOf, optimisationValue, sentEventKind } from './revenue';
import { toRelayEvent } from './relay-event';

const mapped = (eventName: string, name: string, value: number | undefined, custom = false): MappedEvent => ({
  event: toRelayEvent({
    storefront_id: 'bosley',
    event_name: eventName,
    event_time: '2026-01-15T10:25:00Z',
    order_id: 'ORD-1',
    ...(value === undefined ? {} : { order_revenue: value }),
  }),
  name,
  custom,
});

const mapping = {
  standard: { purchase: 'Buy', begin_checkout: 'Checkout', lead: 'Lead', refund: 'Refund' },
};

describe('the revenue rule', () => {
  it('books revenue for purchases only; other values are for optimisation', () => {
    expect(bookedRevenue(mapped('purchase_completed', 'Buy', 80.79), mapping)).toBe(80.79);
    expect(bookedRevenue(mapped('checkout_started', 'Checkout', 13), mapping)).toBeUndefined();
    expect(bookedRevenue(mapped('lead', 'Lead', 5), mapping)).toBeUndefined();
    expect(bookedRevenue(mapped('rx_issued', 'rx_issued', 5, true), mapping)).toBeUndefined();
    expect(optimisationValue(mapped('checkout_started', 'Checkout', 13), mapping)).toBe(13);
    expect(optimisationValue(mapped('lead', 'Lead', 5), mapping)).toBe(5);
    expect(optimisationValue(mapped('purchase_completed', 'Buy', 80.79), mapping)).toBeUndefined();
    expect(bookedRevenue(mapped('purchase_completed', 'Buy', undefined), mapping)).toBeUndefined();
  });

  it('books refunds and cancellations as negative revenue, whatever sign the OMS sent', () => {
    expect(bookedRevenue(mapped('refund', 'Refund', 20), mapping)).toBe(-20);
    expect(bookedRevenue(mapped('order_refunded', 'Refund', -20), mapping)).toBe(-20);
    expect(eventValueOf(mapped('order_cancelled', 'Refund', 80.79), mapping)).toEqual({
      role: 'refund',
      amount: 80.79,
      currency: 'USD',
    });
  });

  it('follows a credential override to a standard name, and keeps the OMS meaning of a custom rename', () => {
    expect(sentEventKind(mapped('rx_issued', 'Buy', 9), mapping)).toBe('purchase');
    expect(bookedRevenue(mapped('rx_issued', 'Buy', 9), mapping)).toBe(9);
    expect(bookedRevenue(mapped('purchase_completed', 'my_order', 9, true), mapping)).toBe(9);
    expect(sentEventKind(mapped('purchase_completed', 'Lead', 9), mapping)).toBe('lead');
    expect(sentEventKind(mapped('consult_completed', 'Lead', 9))).toBe('lead');
  });
});
