import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  objectOf,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { adjustErrors, adjustMessage, outcomeBeforeTable } from './error-map';

/**
 * One outcome for the request's one event: a 2xx (`OK`) is delivered; otherwise the answers
 * that are no error (a repeated unique event, an opted-out device), Adjust's documented error
 * table, then core's table for the status, with Adjust's message.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  const message = adjustMessage(objectOf(response.json));
  const noError = outcomeBeforeTable(response.status, message);
  if (noError) return noError;
  const hit = matchErrorRow(adjustErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, 'Adjust');
  return outcomeFromStatus(response, 'Adjust', now, message);
}
