import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → the `event_name` column. A Treasure Data table has no standard event
 * names, so the canonical snake_case kinds are used (queries group by them); every other OMS event
 * keeps its own name. The OMS name is always in `oms_event_name` too.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'begin_checkout',
    add_to_cart: 'add_to_cart',
    lead: 'lead',
    sign_up: 'sign_up',
    page_view: 'page_view',
  },
  custom: 'pass-through',
};
