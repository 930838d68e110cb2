import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  objectOf,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { kochavaErrors, kochavaMessage } from './error-map';

/**
 * One outcome for the request's one event: the error table (a 2xx with `success: "0"` is a
 * failure), then core's table for the status, with Kochava's message.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  const hit = matchErrorRow(kochavaErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, 'Kochava');
  return outcomeFromStatus(response, 'Kochava', now, kochavaMessage(objectOf(response.json)));
}
