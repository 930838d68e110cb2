import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { sfmcErrorOf, sfmcErrors } from './error-map';

/**
 * Journey events answer 201 `{eventInstanceId}`; a rowset upsert answers 200 with the rows.
 * Either request succeeds or fails as a whole (a rowset that fails may have saved the rows
 * before the failing one; replaying it is safe because rows are upserted by `EventId`), so one
 * outcome for the request: the error table (error-map.ts), else the HTTP status, a 400 with an
 * `errorcode` being rejected under `sfmc_<errorcode>`.
 */
export function parseResponse(response: HttpResponse, _events: MappedEvent[], now: Date): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
  const outcome = outcomeFromErrorTable(sfmcErrors, response, 'Salesforce Marketing Cloud', now);
  const code = sfmcErrorOf(response.json).errorcode;
  return outcome.status === 'rejected' && response.status === 400 && code !== undefined
    ? { ...outcome, code: `sfmc_${code}` }
    : outcome;
}
