import type { EventMapping } from '@relay/core';

/**
 * Adjust has no event names: each event is an event token the app's owner created in the Adjust
 * dashboard. Relay maps OMS events to its canonical names and the credential's `event_tokens`
 * gives the token of each (or of an OMS name); other OMS events keep their own name, so a token can
 * be configured for them too.
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
