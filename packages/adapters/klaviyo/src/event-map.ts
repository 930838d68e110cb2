import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Klaviyo metric names. Klaviyo's e-commerce conventions name the
 * purchase, checkout and cart metrics; lead, sign-up and page view have no Klaviyo standard
 * and use plain metric names. Every other OMS event is sent as a metric of its own name
 * (Klaviyo creates metrics on first use).
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'Placed Order',
    begin_checkout: 'Started Checkout',
    add_to_cart: 'Added to Cart',
    lead: 'Lead',
    sign_up: 'Signed Up',
    page_view: 'Active on Site',
  },
  custom: 'pass-through',
};
