import type { EventMapping } from '@relay/core';

/**
 * Intercom has no standard events: names are free text, shown to admins in segments (Intercom
 * recommends past-tense verb-noun). Canonical kinds get such names; every other OMS event is sent
 * under its own name with `_` turned into `-` (`rx_issued` → `rx-issued`).
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'placed-order',
    begin_checkout: 'started-checkout',
    add_to_cart: 'added-to-cart',
    lead: 'became-lead',
    sign_up: 'signed-up',
    page_view: 'viewed-page',
  },
  custom: 'pass-through',
  customName: (name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-'),
};
