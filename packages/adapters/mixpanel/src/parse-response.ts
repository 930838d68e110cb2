import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromErrorTable,
  sameOutcome,
} from '@relay/core';
import { type MixpanelImportBody, describeFailedRecord, mixpanelErrors } from './error-map';

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
 * events, every other event was imported. Other answers get one outcome for the whole request
 * (error-map.ts, else the HTTP status).
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[]): Outcome | Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as MixpanelImportBody;
  if (response.status >= 200 && response.status < 300)
    return sameOutcome({ status: 'delivered' }, events.length);
  if (response.status === 400) {
    const partial = partialOutcomes(body, events.length);
    if (partial) return partial;
  }
  return outcomeFromErrorTable(mixpanelErrors, response, PLATFORM);
}
