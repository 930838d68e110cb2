import type { EventMapping } from '@relay/core';

/** Meta custom event names: up to 40 letters, digits, underscores, hyphens or spaces. */
export function metaCustomEventName(eventName: string): string {
  return eventName.replace(/[^A-Za-z0-9_\- ]/g, '_').slice(0, 40);
}

/** OMS canonical kinds → Meta standard events (core's `CANONICAL_EVENTS` and `eventKind`); other events go out as custom events. */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'Purchase',
    begin_checkout: 'InitiateCheckout',
    add_to_cart: 'AddToCart',
    lead: 'Lead',
    sign_up: 'CompleteRegistration',
    page_view: 'PageView',
  },
  custom: 'pass-through',
  customName: metaCustomEventName,
};
