import { type EventMapping, SEMANTIC_EVENT_NAMES } from '@relay/core';

/**
 * Amplitude `event_type` is free text: canonical kinds get the Segment-spec names Amplitude's
 * e-commerce templates use (`Order Completed`…); other OMS events keep their name.
 */
export const eventMapping: EventMapping = {
  standard: SEMANTIC_EVENT_NAMES,
  custom: 'pass-through',
  customName: (name) => name.slice(0, 1024),
};
