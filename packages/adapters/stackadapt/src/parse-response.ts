import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForStackadaptError } from './error-map';

const PLATFORM = 'StackAdapt conversion pixel';

/**
 * One outcome per event of the request (always one). Any 2xx is delivered: the pixel answers
 * without a body that would confirm attribution. Anything else goes through core's HTTP table.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const special = outcomeForStackadaptError(response.status, response.body);
  return sameOutcome(special ?? outcomeFromStatus(response, PLATFORM, now), events.length);
}
