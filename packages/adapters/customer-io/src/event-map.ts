import type { EventMapping } from '@relay/core';

/**
 * Customer.io event names are free text (≤ 100 bytes) used by campaign triggers; canonical kinds
 * get readable names and every other OMS event keeps its own name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'order_completed',
    begin_checkout: 'checkout_started',
    add_to_cart: 'product_added',
    lead: 'lead_submitted',
    sign_up: 'signed_up',
    page_view: 'page_viewed',
  },
  custom: 'pass-through',
  customName: (name) => Buffer.from(name).subarray(0, 100).toString(),
};
