import type { EventMapping } from '@relay/core';

/**
 * FullStory event names are free text shown in its search; canonical kinds get readable names,
 * every other OMS event keeps its own name.
 */
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
};
