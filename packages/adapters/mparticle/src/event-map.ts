import type { EventMapping } from '@relay/core';

/** mParticle's product actions: a platform name among them makes a commerce event. */
export const PRODUCT_ACTIONS = [
  'add_to_cart',
  'remove_from_cart',
  'checkout',
  'checkout_option',
  'click',
  'view_detail',
  'purchase',
  'refund',
  'add_to_wishlist',
  'remove_from_wish_list',
] as const;

export const PAGE_VIEW = 'Page View';
export const SIGN_UP = 'Sign Up';

/**
 * OMS canonical kinds → mParticle events. Purchase, checkout and add to cart are commerce events
 * whose name is their product action (`purchase`, `checkout`, `add_to_cart`); page view is a
 * screen view; lead and sign-up are custom events. Every other OMS event is a custom event of its
 * own name (mParticle accepts any name).
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'checkout',
    add_to_cart: 'add_to_cart',
    lead: 'Lead',
    sign_up: SIGN_UP,
    page_view: PAGE_VIEW,
  },
  custom: 'pass-through',
};
