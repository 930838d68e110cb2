import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  outcomeFromStatus,
  outcomeOfRow,
} from '@relay/core';
import { describeIntercomErrors, intercomErrors, intercomErrorsOf } from './error-map';

/**
 * One outcome for the request's one event: 202 delivered; an error code of the table wins over
 * the status; else core's status table with Intercom's errors.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  const errors = intercomErrorsOf(response.json);
  if (response.status >= 200 && response.status < 300 && errors.length === 0) return { status: 'delivered' };
  const hit = matchErrorRow(intercomErrors, response);
  if (hit) return outcomeOfRow(hit.row, hit.error, 'Intercom');
  return outcomeFromStatus(
    response,
    'Intercom',
    now,
    errors.length > 0 ? describeIntercomErrors(errors) : undefined,
  );
}
