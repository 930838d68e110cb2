import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Taboola event names. Taboola has no fixed API names: each event-based
 * conversion rule in Taboola Ads (Realize) has an Event Name, by default its category in snake case
 * (`make_purchase`, `start_checkout`, `add_to_cart`, `lead`, `complete_registration`), and
 * `page_view` is the pixel's page-view event. Other OMS events go out under their own name, which
 * Taboola counts only when a conversion rule has that exact Event Name; a credential maps or stops
 * them with `options.eventMap`.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'make_purchase',
    begin_checkout: 'start_checkout',
    add_to_cart: 'add_to_cart',
    lead: 'lead',
    sign_up: 'complete_registration',
    page_view: 'page_view',
  },
  custom: 'pass-through',
};
