import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → the internal names of the HubSpot custom events Relay expects; the
 * builder qualifies them with the portal id (`purchase` → `pe1234567_purchase`). HubSpot has no
 * standard events: each one must be defined in the account first (README), or mapped to an
 * existing event with `options.eventMap`. Other OMS events are skipped unless mapped, as HubSpot
 * refuses events that are not defined in the account.
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
    'HubSpot only accepts events defined in the account: define a custom event for this OMS event and map its name to its internal name with options.eventMap',
};
