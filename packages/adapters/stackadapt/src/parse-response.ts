import type { HttpResponse, MappedEvent, Outcome } from '@relay/core';
import { outcomeForStackadaptAnswer } from './error-map';

/**
 * One outcome for the request (it carries one event). Any 2xx is delivered: the pixel answers
 * without a body that would confirm attribution. Anything else goes through core's HTTP table
 * (error-map.ts).
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  return outcomeForStackadaptAnswer(response, now);
}
