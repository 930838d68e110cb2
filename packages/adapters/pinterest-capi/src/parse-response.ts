import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  objectOf,
  outcomeFromErrorTable,
  sameOutcome,
} from '@relay/core';
import { type PinterestError, pinterestErrors } from './error-map';

const PLATFORM = 'Pinterest Conversions API';

/** One item of `ConversionApiResponse.events`, in the order of the request's events. */
interface EventStatus {
  status?: string;
  error_message?: string | null;
  warning_message?: string | null;
}

interface ResponseBody extends PinterestError {
  num_events_received?: number;
  num_events_processed?: number;
  events?: unknown;
}

/** The per-event statuses, at the top level (200) or inside a 422's `details`. */
function eventStatusesOf(body: ResponseBody, count: number): EventStatus[] | undefined {
  for (const candidate of [body.events, objectOf(body.details)['events']]) {
    if (Array.isArray(candidate) && candidate.length === count) return candidate.map((e) => objectOf(e));
  }
  return undefined;
}

function outcomeOfEvent(status: EventStatus): Outcome {
  if (status.status === 'failed') {
    return {
      status: 'rejected',
      code: 'event_failed',
      reason: `${PLATFORM} did not process the event: ${status.error_message || 'no error message'}`,
    };
  }
  return status.warning_message
    ? { status: 'delivered', warnings: [status.warning_message] }
    : { status: 'delivered' };
}

/**
 * One outcome per event of the request, in order. A 200 (and a 422 "not all events
 * processed") lists a status per event: `processed` → delivered (its warning kept),
 * `failed` → rejected with Pinterest's message. Other answers get one outcome for the whole
 * request: the error table (error-map.ts) first, then the HTTP status.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[]): Outcome | Outcome[] {
  const body = objectOf(response.json) as ResponseBody;
  const ok = response.status >= 200 && response.status < 300;

  if (ok || response.status === 422) {
    const statuses = eventStatusesOf(body, events.length);
    if (statuses) return statuses.map(outcomeOfEvent);
  }
  if (ok) {
    const warnings: string[] = [];
    if (typeof body.num_events_processed === 'number' && body.num_events_processed < events.length) {
      warnings.push(
        `${PLATFORM} processed ${body.num_events_processed} of ${events.length} events without saying which`,
      );
    }
    return sameOutcome(
      warnings.length > 0 ? { status: 'delivered', warnings } : { status: 'delivered' },
      events.length,
    );
  }

  return outcomeFromErrorTable(pinterestErrors, response, PLATFORM);
}
