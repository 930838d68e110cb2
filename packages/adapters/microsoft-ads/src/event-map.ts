import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → UET event actions (`eventName`, the names UET's own recommended
 * events use, so goals and browser-tag dedup line up). For offline conversions the same name is
 * the offline conversion goal's name (`ConversionName`). UET goals match any event action, so
 * other OMS events go out under their own name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'begin_checkout',
    add_to_cart: 'add_to_cart',
    lead: 'generate_lead',
    sign_up: 'sign_up',
    page_view: 'page_view',
  },
  custom: 'pass-through',
};

/** UET `customData.pageType` for the event actions that have one. */
export const PAGE_TYPES: Readonly<Record<string, string>> = {
  purchase: 'purchase',
  add_to_cart: 'cart',
  begin_checkout: 'cart',
};
