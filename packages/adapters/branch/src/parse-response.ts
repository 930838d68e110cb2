import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { describeBranchError, outcomeForBranchError } from './error-map';

/**
 * One outcome per event of the request, in order (one event per request). A 2xx is delivered
 * (its body carries no per-event status, only optional SKAdNetwork fields); otherwise the error
 * table, then core's table for the status, with Branch's error message.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const error = objectOf(response.json)['error'];
  const outcome =
    outcomeForBranchError(response.status, error) ??
    outcomeFromStatus(response, 'Branch', now, describeBranchError(error));
  return sameOutcome(outcome, events.length);
}
