import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { singularErrors } from './error-map';

/**
 * One outcome for the request (it carries one event): a 200 `{"status":"ok"}` is delivered,
 * `{"status":"error","reason":…}` rejected; other answers follow the error table (error-map.ts),
 * then core's default for the status.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  return outcomeFromErrorTable(singularErrors, response, 'Singular', now);
}
