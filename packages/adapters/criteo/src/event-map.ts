import type { EventMapping } from '@relay/core';

/**
 * The OneTag website events the Events API takes (Criteo's S2S guide, Commanders Act and
 * walkerOS mappings). An `eventMap` override to any other name is rejected before sending.
 */
export const CRITEO_EVENT_NAMES: ReadonlySet<string> = new Set([
  'viewHome',
  'viewPage',
  'viewList',
  'viewItem',
  'addToCart',
  'viewBasket',
  'beginCheckout',
  'addPaymentInfo',
  'trackTransaction',
  'login',
]);

/**
 * OMS canonical kinds → Criteo OneTag events (core's `CANONICAL_EVENTS` and `eventKind`). Criteo has no lead or sign-up
 * event and no custom events: those are skipped unless `options.eventMap` names a OneTag event.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'trackTransaction',
    begin_checkout: 'beginCheckout',
    add_to_cart: 'addToCart',
    page_view: 'viewPage',
  },
  custom: 'skip',
  customSkipReason:
    'Criteo takes only its OneTag events (trackTransaction, beginCheckout, addToCart, viewPage, login…) and has no lead, sign-up or custom event; map it with options.eventMap to send it',
};
