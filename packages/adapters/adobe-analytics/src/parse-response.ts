import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { type EdgeError, describeEdgeError, edgeErrors } from './error-map';

const PLATFORM = 'Adobe Edge Network';

/**
 * `/v2/collect` answers 202 `{requestId}` (or 204) when every event was received; `/v2/interact`
 * answers 200 `{requestId, handle}`. Neither reports per-event results, so a 2xx delivers the
 * request's events and an error is one outcome for all of them: the error table (a rejection
 * under Adobe's `EXEG-…` code when it gives one), else core's status table.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  const hit = matchErrorRow(edgeErrors, response);
  if (hit) {
    const outcome = outcomeOfRow(hit.row, hit.error, PLATFORM);
    return outcome.status === 'rejected' && hit.row.status === 400 && hit.error.code !== undefined
      ? { ...outcome, code: String(hit.error.code) }
      : outcome;
  }
  const error = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as EdgeError;
  const reason = error.title || error.detail ? describeEdgeError(error) : undefined;
  return outcomeFromStatus(response, PLATFORM, now, reason);
}
