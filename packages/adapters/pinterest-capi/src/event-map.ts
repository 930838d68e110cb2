import type { EventMapping } from '@relay/core';

/** The one event name Pinterest accepts for anything that is not a standard event. */
export const PINTEREST_CUSTOM_EVENT = 'custom';

/**
 * OMS canonical kinds → Pinterest standard events (core's `CANONICAL_EVENTS` and `eventKind`). Pinterest accepts only
 * its own list of `event_name`s, so every other OMS event goes out as the generic `custom`
 * event (its OMS name is not sent).
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'checkout',
    begin_checkout: 'initiate_checkout',
    add_to_cart: 'add_to_cart',
    lead: 'lead',
    sign_up: 'signup',
    page_view: 'page_visit',
  },
  custom: 'pass-through',
  customName: () => PINTEREST_CUSTOM_EVENT,
};

/** Every `event_name` the v5 ConversionEvents schema lists; anything else Pinterest does not accept. */
export const PINTEREST_EVENT_NAMES: ReadonlySet<string> = new Set([
  'add_payment_info',
  'add_to_cart',
  'add_to_wishlist',
  'app_install',
  'checkout',
  'custom',
  'initiate_checkout',
  'lead',
  'page_visit',
  'search',
  'signup',
  'subscribe',
  'view_category',
  'view_content',
  'watch_video',
]);
