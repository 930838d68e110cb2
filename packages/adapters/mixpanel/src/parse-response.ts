import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  parseRetryAfter,
  sameOutcome,
} from '@relay/core';
import { type MixpanelImportBody, describeFailedRecord, outcomeForMixpanelStatus } from './error-map';

const PLATFORM = 'Mixpanel';

/** Per-event outcomes of a strict-mode 400 that lists `failed_records` by index (the rest imported). */
function partialOutcomes(body: MixpanelImportBody, count: number): Outcome[] | undefined {
  const failed = body.failed_records;
  if (!Array.isArray(failed) || failed.length === 0) return undefined;
  const reasons = new Map<number, string[]>();
  for (const record of failed) {
    if (typeof record.index !== 'number' || record.index < 0 || record.index >= count) return undefined;
    reasons.set(record.index, [...(reasons.get(record.index) ?? []), describeFailedRecord(record)]);
  }
  return Array.from({ length: count }, (_, i): Outcome => {
    const why = reasons.get(i);
    return why
      ? {
          status: 'rejected',
          code: 'failed_validation',
          reason: `${PLATFORM} refused the event: ${why.join('; ')}`,
        }
      : { status: 'delivered' };
  });
}

/**
 * `200 {code: 200, num_records_imported, status: "OK"}` delivers all. A strict-mode `400` is a
 * partial success: `failed_records[{index, $insert_id, field, message}]` name the refused
 * events, every other event was imported. Other answers apply to the whole request.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as MixpanelImportBody;
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  if (response.status === 400) {
    const partial = partialOutcomes(body, events.length);
    if (partial) return partial;
    return sameOutcome(
      {
        status: 'rejected',
        code: 'bad_request',
        reason: `${PLATFORM} rejected the request: ${body.error ?? response.body}`,
      },
      events.length,
    );
  }
  const special = outcomeForMixpanelStatus(response.status, body);
  if (special) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    if (special.status === 'retryable' && retryAfterMs !== undefined) special.retryAfterMs = retryAfterMs;
    return sameOutcome(special, events.length);
  }
  return sameOutcome(outcomeFromStatus(response, PLATFORM, now, body.error), events.length);
}
