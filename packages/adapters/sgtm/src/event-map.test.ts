import { describe, expect, it } from 'vitest';
import { eventMapping, ga4Name } from './event-map';

describe('ga4Name', () => {
  it.each([
    ['rx_issued', 'rx_issued'],
    ['rx-issued', 'rx_issued'],
    ['Consult Started!', 'Consult_Started'],
    ['1st_purchase', 'e_1st_purchase'],
    ['_internal', 'internal'],
    ['ga_custom', 'custom'],
    ['firebase_x', 'x'],
    ['session_start', 'custom_session_start'],
    ['a'.repeat(45), 'a'.repeat(40)],
  ])('%s → %s', (input, expected) => {
    expect(ga4Name(input)).toBe(expected);
  });

  it('maps every standard kind to its GA4 recommended event', () => {
    expect(eventMapping.standard).toEqual({
      purchase: 'purchase',
      begin_checkout: 'begin_checkout',
      add_to_cart: 'add_to_cart',
      lead: 'generate_lead',
      sign_up: 'sign_up',
      page_view: 'page_view',
      refund: 'refund',
    });
  });
});
