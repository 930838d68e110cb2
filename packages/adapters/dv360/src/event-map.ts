import type { EventMapping } from '@relay/core';

/**
 * Floodlight has activities, not event names: each canonical kind maps to a Relay name that
 * `options.activities` (or, for `purchase`, the credential's `floodlight_activity_id`) turns
 * into an activity id. An `eventMap` override may also name an activity id directly (digits).
 * Other OMS events keep their name and need an entry in `options.activities`.
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
