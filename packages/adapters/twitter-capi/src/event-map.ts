import type { EventMapping } from '@relay/core';

/**
 * X has no event names: each canonical kind maps to itself, and build-requests looks up the X
 * event id configured for it in `credentials.event_ids`. Kinds without an id are skipped.
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
  custom: 'skip',
  customSkipReason:
    'X conversions reference events created in Events Manager; map this OMS event to a kind with options.eventMap (e.g. "lead") and give its id in credentials.event_ids',
};
