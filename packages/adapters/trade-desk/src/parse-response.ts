import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromErrorTable,
} from '@relay/core';
import {
  type TradeDeskEventResponse,
  describeEntry,
  outcomeForEventErrors,
  tradeDeskErrors,
} from './error-map';

const PLATFORM = 'The Trade Desk';

/** `EventResponses` by their `EventIndex` (the event's position in the request's `data`). */
function responsesByIndex(body: Record<string, unknown>): Map<number, TradeDeskEventResponse> {
  const byIndex = new Map<number, TradeDeskEventResponse>();
  const list = body['EventResponses'];
  if (!Array.isArray(list)) return byIndex;
  for (const item of list) {
    const response = objectOf(item) as TradeDeskEventResponse;
    if (typeof response.EventIndex === 'number') byIndex.set(response.EventIndex, response);
  }
  return byIndex;
}

const failed = (response: TradeDeskEventResponse): boolean =>
  response.Successful === false || (response.EventErrors?.length ?? 0) > 0;

/**
 * One outcome per event of the request, in order. The answer is
 * `{Message, EventResponses: [{EventIndex, EventErrors: [{Error, ErrorMessage}], EventWarnings, Successful}]}`:
 * an event listed as not successful is rejected with TTD's error, whatever the status; on a 2xx
 * the others are delivered (keeping TTD's warnings); otherwise the status decides for them (the
 * error table, then core's default, with TTD's `Message`): one outcome for the request when no
 * event is named.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome | Outcome[] {
  const byIndex = responsesByIndex(objectOf(response.json));
  const ok = response.status >= 200 && response.status < 300;
  const anyFailed = [...byIndex].some(([i, r]) => i < events.length && failed(r));
  if (!ok && !anyFailed) return outcomeFromErrorTable(tradeDeskErrors, response, PLATFORM, now);
  return events.map((_, i): Outcome => {
    const eventResponse = byIndex.get(i);
    if (eventResponse && failed(eventResponse)) return outcomeForEventErrors(eventResponse);
    if (!ok) return outcomeFromErrorTable(tradeDeskErrors, response, PLATFORM, now);
    const warnings = (eventResponse?.EventWarnings ?? []).map(describeEntry);
    return warnings.length > 0 ? { status: 'delivered', warnings } : { status: 'delivered' };
  });
}
