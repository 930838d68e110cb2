import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → the `EventName` value written into the journey event data or the
 * data extension row. Marketing Cloud has no standard event names (the journey or the data
 * extension decides what a row means), so these are plain, readable names; every other OMS
 * event keeps its own name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'Purchase',
    begin_checkout: 'Checkout',
    add_to_cart: 'AddToCart',
    lead: 'Lead',
    sign_up: 'SignUp',
    page_view: 'PageView',
  },
  custom: 'pass-through',
};
