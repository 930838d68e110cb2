import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  objectOf,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { appsflyerErrors, appsflyerMessage } from './error-map';

/**
 * One outcome for the request's one event: AppsFlyer answers 200 (body `ok`) when it takes the
 * event; otherwise the error table, then core's table for the status, with AppsFlyer's message.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  const hit = matchErrorRow(appsflyerErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, 'AppsFlyer');
  return outcomeFromStatus(response, 'AppsFlyer', now, appsflyerMessage(objectOf(response.json)));
}
