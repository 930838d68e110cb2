import { type EventMapping, SEMANTIC_EVENT_NAMES } from '@relay/core';

/**
 * Segment's e-commerce spec names for the canonical kinds (`Order Completed`, `Checkout
 * Started`, `Product Added`, `Signed Up`; lead has no spec'd event: `Lead Submitted`; page view
 * as a `Page Viewed` track); other OMS events are tracked under their own name.
 */
export const eventMapping: EventMapping = {
  standard: SEMANTIC_EVENT_NAMES,
  custom: 'pass-through',
};
