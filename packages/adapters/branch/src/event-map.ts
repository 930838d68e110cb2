import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Branch standard event names (Commerce and Lifecycle events of
 * `POST /v2/event/standard`). Branch has no standard lead or page-view event: those, and every
 * other OMS event, are sent as custom events (`POST /v2/event/custom`) under their OMS name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'PURCHASE',
    begin_checkout: 'INITIATE_PURCHASE',
    add_to_cart: 'ADD_TO_CART',
    sign_up: 'COMPLETE_REGISTRATION',
  },
  custom: 'pass-through',
};

/** Commerce events: the only ones whose `event_data` carries revenue, currency and a transaction id. */
const COMMERCE = [
  'ADD_TO_CART',
  'ADD_TO_WISHLIST',
  'VIEW_CART',
  'INITIATE_PURCHASE',
  'ADD_PAYMENT_INFO',
  'CLICK_AD',
  'PURCHASE',
  'SPEND_CREDITS',
  'VIEW_AD',
];
const CONTENT = ['SEARCH', 'VIEW_ITEM', 'VIEW_ITEMS', 'RATE', 'SHARE', 'INITIATE_STREAM', 'COMPLETE_STREAM'];
const LIFECYCLE = [
  'COMPLETE_REGISTRATION',
  'COMPLETE_TUTORIAL',
  'ACHIEVE_LEVEL',
  'UNLOCK_ACHIEVEMENT',
  'INVITE',
  'LOGIN',
  'START_TRIAL',
  'SUBSCRIBE',
];

export const BRANCH_COMMERCE_EVENTS: ReadonlySet<string> = new Set(COMMERCE);

/** Every standard event name `POST /v2/event/standard` takes (Commerce, Content, User Lifecycle). */
export const BRANCH_STANDARD_EVENTS: ReadonlySet<string> = new Set([...COMMERCE, ...CONTENT, ...LIFECYCLE]);
