import { type EventMapping, SEMANTIC_EVENT_NAMES } from '@relay/core';

/** Heap event names are free text; canonical kinds get readable names, others keep their OMS name. */
export const eventMapping: EventMapping = {
  standard: SEMANTIC_EVENT_NAMES,
  custom: 'pass-through',
  customName: (name) => name.slice(0, 1024),
};
