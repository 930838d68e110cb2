import type { EventMapping } from '@relay/core';

/** `ConversionType` values of the Events API (Amazon Ads API v1 spec). */
export const CONVERSION_TYPES = [
  'ADD_TO_SHOPPING_CART',
  'APPLICATION',
  'CHECKOUT',
  'CONTACT',
  'LEAD',
  'MOBILE_APP_FIRST_START',
  'OFF_AMAZON_PURCHASES',
  'OTHER',
  'PAGE_VIEW',
  'SEARCH',
  'SIGN_UP',
  'SUBSCRIBE',
] as const;

export type ConversionType = (typeof CONVERSION_TYPES)[number];

const CONVERSION_TYPE_SET: ReadonlySet<string> = new Set(CONVERSION_TYPES);

export function isConversionType(name: string): name is ConversionType {
  return CONVERSION_TYPE_SET.has(name);
}

/**
 * `eventDescription.name` sent for each conversion type unless the credential's
 * `options.event_names` says otherwise. Together with the type, source and dataset the name
 * identifies the event in Amazon's Events Manager.
 */
export const DEFAULT_EVENT_NAMES: Readonly<Record<ConversionType, string>> = {
  ADD_TO_SHOPPING_CART: 'Add to cart',
  APPLICATION: 'Application',
  CHECKOUT: 'Checkout',
  CONTACT: 'Contact',
  LEAD: 'Lead',
  MOBILE_APP_FIRST_START: 'App first start',
  OFF_AMAZON_PURCHASES: 'Purchase',
  OTHER: 'Other',
  PAGE_VIEW: 'Page view',
  SEARCH: 'Search',
  SIGN_UP: 'Sign up',
  SUBSCRIBE: 'Subscribe',
};

/**
 * OMS canonical kinds → Amazon conversion types (core's `CANONICAL_EVENTS` and `eventKind`). The platform event name
 * Relay resolves is the conversion type; any other name (a custom OMS event, or an `eventMap`
 * override that is not a conversion type) is sent as conversion type `OTHER` under that name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'OFF_AMAZON_PURCHASES',
    begin_checkout: 'CHECKOUT',
    add_to_cart: 'ADD_TO_SHOPPING_CART',
    lead: 'LEAD',
    sign_up: 'SIGN_UP',
    page_view: 'PAGE_VIEW',
  },
  custom: 'pass-through',
};
