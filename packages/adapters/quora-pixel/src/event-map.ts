import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Quora conversion types (`conversion.event_name`). Quora has no page-view
 * event, and its only custom type, `Generic`, is one conversion the advertiser defines: sending
 * every other OMS event as `Generic` would count unrelated events (page views, health events) as
 * that one conversion, so they are skipped unless the credential maps them.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'Purchase',
    begin_checkout: 'InitiateCheckout',
    add_to_cart: 'AddToCart',
    lead: 'GenerateLead',
    sign_up: 'CompleteRegistration',
  },
  custom: 'skip',
  customSkipReason:
    'Quora Conversion API takes only its own conversion types and has no page-view event; its one custom type, Generic, is advertiser-defined, so map this event to Generic (or another Quora type) with options.eventMap to send it',
};

/** Quora's conversion types (`event_name`). */
export const QUORA_EVENT_NAMES: ReadonlySet<string> = new Set([
  'Generic',
  'AppInstall',
  'Purchase',
  'GenerateLead',
  'CompleteRegistration',
  'AddPaymentInfo',
  'AddToCart',
  'AddToWishlist',
  'InitiateCheckout',
  'Search',
]);
