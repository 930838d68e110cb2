import { type EventMapping, SEMANTIC_EVENT_NAMES, SEMANTIC_REFUND_EVENT_NAME } from '@relay/core';

/**
 * Amplitude `event_type` is free text: canonical kinds get the Segment-spec names Amplitude's
 * e-commerce templates use (`Order Completed`…), refunds and cancellations `Order Refunded` (with
 * negative revenue); other OMS events keep their name.
 */
export const eventMapping: EventMapping = {
  standard: { ...SEMANTIC_EVENT_NAMES, refund: SEMANTIC_REFUND_EVENT_NAME },
  custom: 'pass-through',
  customName: (name) => name.slice(0, 1024),
};
