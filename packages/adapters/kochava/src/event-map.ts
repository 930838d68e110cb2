import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Kochava standard event names (the names Kochava's SDKs send for their
 * standard event types). Kochava has no standard lead or page-view event: those and every other
 * OMS event are sent as custom events under their OMS name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'Purchase',
    begin_checkout: 'Checkout Start',
    add_to_cart: 'Add to Cart',
    sign_up: 'Registration Complete',
  },
  custom: 'pass-through',
};
