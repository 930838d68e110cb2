import type { EventMapping } from '@relay/core';

/** The five custom-event slots; each is reserved for one meaning in Ads Manager and cannot be renamed. */
export const SPOTIFY_CUSTOM_EVENTS = [
  'CUSTOM_EVENT_1',
  'CUSTOM_EVENT_2',
  'CUSTOM_EVENT_3',
  'CUSTOM_EVENT_4',
  'CUSTOM_EVENT_5',
] as const;

/** Every `event_name` the Conversions API accepts; anything else is refused. */
export const SPOTIFY_EVENT_NAMES: ReadonlySet<string> = new Set([
  'PURCHASE',
  'LEAD',
  'ADD_TO_CART',
  'CHECK_OUT',
  'PRODUCT',
  'VIEW',
  'SIGN_UP',
  ...SPOTIFY_CUSTOM_EVENTS,
]);

/**
 * OMS canonical kinds → Spotify CAPI event names (core's `CANONICAL_EVENTS` and `eventKind`). Spotify takes no free-form
 * names: other OMS events are skipped unless the credential maps them to a reserved custom slot.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'PURCHASE',
    begin_checkout: 'CHECK_OUT',
    add_to_cart: 'ADD_TO_CART',
    lead: 'LEAD',
    sign_up: 'SIGN_UP',
    page_view: 'VIEW',
  },
  custom: 'skip',
  customSkipReason:
    "Spotify's Conversions API takes only its own event names; map this event to a reserved slot (CUSTOM_EVENT_1 … CUSTOM_EVENT_5) with options.eventMap to send it",
};
