import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → the event names `conversion_ids` is keyed by (core's `CANONICAL_EVENTS` and `eventKind`).
 * StackAdapt itself has no event names: each name only selects a Conversion Event id, so
 * custom OMS events keep their own name and are sent when an id is configured for it.
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
