import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Snap standard events. Snap has no lead event and accepts no free custom
 * names (only `CUSTOM_EVENT_1`…`CUSTOM_EVENT_5`), so leads and custom events are skipped unless
 * a credential maps them with `options.eventMap`.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'PURCHASE',
    begin_checkout: 'START_CHECKOUT',
    add_to_cart: 'ADD_CART',
    sign_up: 'SIGN_UP',
    page_view: 'PAGE_VIEW',
  },
  custom: 'skip',
  customSkipReason:
    'Snapchat accepts only its standard events and CUSTOM_EVENT_1..CUSTOM_EVENT_5; map this event with options.eventMap (e.g. to CUSTOM_EVENT_1) to send it',
};
