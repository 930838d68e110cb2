import { type EventMapping, SEMANTIC_EVENT_NAMES } from '@relay/core';

/**
 * FullStory event names are free text shown in its search; canonical kinds get readable names,
 * every other OMS event keeps its own name.
 */
export const eventMapping: EventMapping = {
  standard: SEMANTIC_EVENT_NAMES,
  custom: 'pass-through',
};
