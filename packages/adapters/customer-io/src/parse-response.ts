import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { customerIoErrors } from './error-map';

/** Customer.io accepts or refuses the batch as a whole: one outcome for the request. */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  return outcomeFromErrorTable(customerIoErrors, response, 'Customer.io', now);
}
