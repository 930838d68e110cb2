import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromErrorTable,
} from '@relay/core';
import { droppedValueReason } from './conversion';
import { type QuoraEventStatus, outcomeForQuoraEventError, quoraErrors } from './error-map';
import type { QuoraPixelOptions } from './schemas';

const PLATFORM = 'Quora Conversion API';

/** Per-event results of a 200 answer by their `index` in the request's `data`. */
function resultsByIndex(body: Record<string, unknown>): Map<number, QuoraEventStatus> {
  const results = new Map<number, QuoraEventStatus>();
  const events = body['events'];
  if (!Array.isArray(events)) return results;
  for (const item of events) {
    const result = objectOf(item) as QuoraEventStatus;
    if (typeof result.index === 'number') results.set(result.index, result);
  }
  return results;
}

/**
 * One outcome per event of the request, in order. A 200 is a multi-status answer
 * `{events_received, events_errored, events: [{status, index, error_code, error_message}]}`:
 * an event whose status is not `OK` is rejected with Quora's message, the others (listed or not)
 * are delivered, keeping a warning when their value was left out. Other answers get one outcome
 * for the request: the error table (error-map.ts), then core's default for the status.
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  options: QuoraPixelOptions,
  now: Date,
): Outcome | Outcome[] {
  const body = objectOf(response.json);
  if (response.status >= 200 && response.status < 300) {
    const results = resultsByIndex(body);
    const received = body['events_received'];
    const unexplained =
      results.size === 0 && typeof received === 'number' && received < events.length
        ? `${PLATFORM} received ${received} of ${events.length} events without saying which`
        : undefined;
    return events.map(({ event }, i): Outcome => {
      const result = results.get(i);
      if (result && result.status?.toUpperCase() !== 'OK') return outcomeForQuoraEventError(result);
      const warnings = [droppedValueReason(event, options), unexplained].filter(
        (w): w is string => w !== undefined,
      );
      return warnings.length > 0 ? { status: 'delivered', warnings } : { status: 'delivered' };
    });
  }
  return outcomeFromErrorTable(quoraErrors, response, PLATFORM, now);
}
