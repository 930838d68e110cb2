import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Yahoo CAPI `eventName`s (core's `CANONICAL_EVENTS` and `eventKind`). Yahoo has no fixed list:
 * the DSP rules Yahoo sets up for the pixel match on the event name, so these are the plain
 * names an operator asks Yahoo to build rules for; every other OMS event is sent under its
 * own name, and `eventMap` renames anything to what the rules expect.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'checkout',
    add_to_cart: 'add_to_cart',
    lead: 'lead',
    sign_up: 'sign_up',
    page_view: 'page_view',
  },
  custom: 'pass-through',
};
