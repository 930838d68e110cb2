import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  excerpt,
  objectOf,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { appsflyerMessage, outcomeForAppsflyerError } from './error-map';

/**
 * One outcome per event of the request, in order (one event per request): AppsFlyer answers 200
 * (body `ok`) when it takes the event; otherwise the error table, then core's table for the status,
 * with AppsFlyer's message.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const message = appsflyerMessage(objectOf(response.json));
  const detail = message ?? (excerpt(response.body, 300) || `HTTP ${response.status}`);
  const outcome =
    outcomeForAppsflyerError(response.status, detail) ??
    outcomeFromStatus(response, 'AppsFlyer', now, message);
  return sameOutcome(outcome, events.length);
}
