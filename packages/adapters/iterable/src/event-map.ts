import type { EventMapping } from '@relay/core';

/**
 * Iterable custom event names are free text used in journeys; canonical kinds get readable
 * names and every other OMS event keeps its own name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'checkoutStarted',
    add_to_cart: 'addToCart',
    lead: 'leadSubmitted',
    sign_up: 'signUp',
    page_view: 'pageView',
  },
  custom: 'pass-through',
};
