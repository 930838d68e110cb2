import type { EventMapping } from '@relay/core';

/** Heap event names are free text; canonical kinds get readable names, others keep their OMS name. */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'Order Completed',
    begin_checkout: 'Checkout Started',
    add_to_cart: 'Product Added',
    lead: 'Lead Submitted',
    sign_up: 'Signed Up',
    page_view: 'Page Viewed',
  },
  custom: 'pass-through',
  customName: (name) => name.slice(0, 1024),
};
