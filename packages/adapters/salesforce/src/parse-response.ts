import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  matchErrorRow,
  objectOf,
  outcomeOfRow,
  outcomeFromStatus,
  parseRetryAfter,
  sameOutcome,
} from '@relay/core';
import { type SfmcError, describeSfmcError, outcomeForSfmcError, sfmcRequestErrors } from './error-map';

/**
 * Journey events answer 201 `{eventInstanceId}`; a rowset upsert answers 200 with the rows.
 * Either request succeeds or fails as a whole (a rowset that fails may have saved the rows
 * before the failing one; replaying it is safe because rows are upserted by `EventId`), so
 * every event of the request gets the same outcome.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  // A missing data extension or journey event: the table's row, with what to check.
  const requestError = matchErrorRow(sfmcRequestErrors, response);
  if (requestError)
    return sameOutcome(
      outcomeOfRow(requestError.row, requestError.error, 'Salesforce Marketing Cloud'),
      events.length,
    );
  const error = objectOf(response.json) as SfmcError;
  const special = outcomeForSfmcError(response.status, error);
  if (special) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    if (special.status === 'retryable' && retryAfterMs !== undefined) special.retryAfterMs = retryAfterMs;
    return sameOutcome(special, events.length);
  }
  const reason = describeSfmcError(error) || undefined;
  return sameOutcome(outcomeFromStatus(response, 'Salesforce Marketing Cloud', now, reason), events.length);
}
