import { type EventMapping, SEMANTIC_EVENT_NAMES } from '@relay/core';

/** The platform name that becomes a `page` call (when `page_calls` is on) instead of a track call. */
export const PAGE_VIEWED = SEMANTIC_EVENT_NAMES.page_view;

/**
 * RudderStack follows the Segment-style e-commerce spec (`Order Completed`, `Checkout Started`,
 * `Product Added`, `Signed Up`; lead has no spec'd name: `Lead Submitted`); page views are `page`
 * calls. Other OMS events are tracked under their own name.
 */
export const eventMapping: EventMapping = {
  standard: SEMANTIC_EVENT_NAMES,
  custom: 'pass-through',
};
