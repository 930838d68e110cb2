import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Singular standard event names (`sng_…`). Singular has no standard lead
 * event; that and every other OMS event are sent under their OMS name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'sng_ecommerce_purchase',
    begin_checkout: 'sng_checkout_initiated',
    add_to_cart: 'sng_add_to_cart',
    sign_up: 'sng_complete_registration',
    page_view: 'sng_content_view',
  },
  custom: 'pass-through',
};
