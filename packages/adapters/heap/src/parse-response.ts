import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromStatus } from '@relay/core';

/** Heap accepts or refuses the bulk request as a whole: one outcome for it, from the HTTP status. */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  return outcomeFromStatus(response, 'Heap', now);
}
