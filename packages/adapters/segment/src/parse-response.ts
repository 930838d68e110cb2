import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { segmentErrors } from './error-map';

/** The batch succeeds or fails as a whole (`200 {"success": true}`): one outcome for the request. */
export function parseResponse(response: HttpResponse, _events: MappedEvent[]): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  return outcomeFromErrorTable(segmentErrors, response, 'Segment');
}
