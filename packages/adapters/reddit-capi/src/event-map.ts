import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Reddit v3 `type.tracking_type` (UPPER_SNAKE_CASE; the v2 names such as
 * `Purchase` are not accepted by v3). Reddit has no checkout event, so `begin_checkout` goes out
 * as a custom conversion event under its OMS name, like every other custom event.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'PURCHASE',
    add_to_cart: 'ADD_TO_CART',
    lead: 'LEAD',
    sign_up: 'SIGN_UP',
    page_view: 'PAGE_VISIT',
  },
  custom: 'pass-through',
};

/** Reddit's standard `tracking_type`s; any other platform name is sent as a `CUSTOM` event of that name. */
export const REDDIT_TRACKING_TYPES: ReadonlySet<string> = new Set([
  'PAGE_VISIT',
  'VIEW_CONTENT',
  'SEARCH',
  'ADD_TO_CART',
  'ADD_TO_WISHLIST',
  'PURCHASE',
  'LEAD',
  'SIGN_UP',
]);

/** The tracking type of custom conversion events (their name goes in `type.custom_event_name`). */
export const REDDIT_CUSTOM_TRACKING_TYPE = 'CUSTOM';

/** `type.custom_event_name`: free-form, case-sensitive, at most 64 characters. */
export const CUSTOM_EVENT_NAME_MAX_LENGTH = 64;

/** Types that take `metadata.value` and `currency` (not PAGE_VISIT, VIEW_CONTENT, SEARCH). */
export const TYPES_WITH_VALUE: ReadonlySet<string> = new Set([
  'PURCHASE',
  'ADD_TO_CART',
  'ADD_TO_WISHLIST',
  'LEAD',
  'SIGN_UP',
  'CUSTOM',
]);

/** Types that take `metadata.item_count`. */
export const TYPES_WITH_ITEM_COUNT: ReadonlySet<string> = new Set([
  'PURCHASE',
  'ADD_TO_CART',
  'ADD_TO_WISHLIST',
  'CUSTOM',
]);
