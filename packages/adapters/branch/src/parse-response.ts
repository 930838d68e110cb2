import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  objectOf,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { branchErrors, describeBranchError } from './error-map';

/**
 * One outcome for the request's one event. A 2xx is delivered (its body carries no per-event
 * status, only optional SKAdNetwork fields); otherwise the error table, then core's table for
 * the status, with Branch's error message.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  const hit = matchErrorRow(branchErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, 'Branch');
  return outcomeFromStatus(response, 'Branch', now, describeBranchError(objectOf(response.json)['error']));
}
