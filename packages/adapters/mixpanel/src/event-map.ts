import { type EventMapping, SEMANTIC_EVENT_NAMES, SEMANTIC_REFUND_EVENT_NAME } from '@relay/core';

/**
 * Mixpanel event names are free text (≤ 255 characters): canonical kinds get the Segment-spec
 * names Mixpanel's own e-commerce templates use (`Order Completed`…), refunds and cancellations
 * `Order Refunded` with a negative `revenue`; other OMS events keep their name.
 */
export const eventMapping: EventMapping = {
  standard: { ...SEMANTIC_EVENT_NAMES, refund: SEMANTIC_REFUND_EVENT_NAME },
  custom: 'pass-through',
  customName: (name) => name.slice(0, 255),
};
