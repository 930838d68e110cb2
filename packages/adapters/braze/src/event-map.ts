import type { EventMapping } from '@relay/core';

/** Braze's recommended e-commerce events that Relay sends. */
export const BRAZE_ECOMMERCE_EVENTS = {
  orderPlaced: 'ecommerce.order_placed',
  checkoutStarted: 'ecommerce.checkout_started',
  cartUpdated: 'ecommerce.cart_updated',
} as const;

/**
 * OMS canonical kinds → Braze events: the recommended e-commerce events where Braze has one
 * (purchase, checkout, cart), plain custom event names otherwise. Braze accepts any custom event
 * name, so other OMS events keep theirs.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: BRAZE_ECOMMERCE_EVENTS.orderPlaced,
    begin_checkout: BRAZE_ECOMMERCE_EVENTS.checkoutStarted,
    add_to_cart: BRAZE_ECOMMERCE_EVENTS.cartUpdated,
    lead: 'lead',
    sign_up: 'sign_up',
    page_view: 'page_view',
  },
  custom: 'pass-through',
};
