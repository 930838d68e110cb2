import type { EventMapping } from '@relay/core';

/** The thirteen `event_name`s of the S2S Event API (the same vocabulary as the pixel's `adroll.track`). */
export const ADROLL_EVENT_NAMES: ReadonlySet<string> = new Set([
  'pageView',
  'homeView',
  'productSearch',
  'addToCart',
  'purchase',
  'highValuePage',
  'gatedContent',
  'demoRequest',
  'signupPlan',
  'signupTrial',
  'contactSales',
  'liveChat',
  'formFill',
]);

/**
 * OMS canonical kinds → AdRoll event names (core's `CANONICAL_EVENTS` and `eventKind`). AdRoll has no checkout or
 * consumer sign-up event and takes no free-form names: those OMS events are skipped unless the
 * credential maps them to one of AdRoll's names.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    add_to_cart: 'addToCart',
    lead: 'formFill',
    page_view: 'pageView',
  },
  custom: 'skip',
  customSkipReason:
    "AdRoll's S2S Event API takes only its own 13 event names and has none for this OMS event; map it to one (e.g. signupPlan, formFill) with options.eventMap to send it",
};
