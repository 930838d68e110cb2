import { type EventMapping, SEMANTIC_EVENT_NAMES } from '@relay/core';

/**
 * Pendo puts no restriction on the Track Event name (it has no standard events): canonical kinds
 * get the readable e-commerce names analytics tools share, every other OMS event keeps its own
 * name. Pendo counts at most 5,000 distinct Track Event types per app.
 */
export const eventMapping: EventMapping = {
  standard: SEMANTIC_EVENT_NAMES,
  custom: 'pass-through',
};
