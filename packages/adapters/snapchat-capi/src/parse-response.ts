import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  isRetryableStatus,
  outcomeFromErrorTable,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import {
  type SnapErrorDetails,
  collateralOutcome,
  describeSnapErrors,
  invalidEventOutcome,
  snapErrors,
} from './error-map';

const PLATFORM = 'Snapchat Conversions API';

interface SnapEventLog {
  event?: number;
  status?: string;
  errors?: SnapErrorDetails;
  warnings?: unknown[];
}

interface SnapResponseBody {
  status?: string;
  reason?: string;
  event?: number;
  errors?: SnapErrorDetails;
  test_event?: boolean;
  event_logs?: SnapEventLog[];
}

const isIndex = (value: unknown, count: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count;

/** The `/events/validate` answer: one log per event (`event` = its index in `data`). */
function parseValidateLogs(logs: SnapEventLog[], count: number): Outcome[] {
  const outcomes: Outcome[] = sameOutcome(
    {
      status: 'delivered',
      warnings: [`${PLATFORM}: test event sent to /events/validate, not recorded as a conversion`],
    },
    count,
  );
  for (const log of logs) {
    if (!isIndex(log.event, count)) continue;
    const warnings = (log.warnings ?? []).map(String);
    outcomes[log.event] =
      String(log.status ?? '').toUpperCase() === 'VALID'
        ? {
            status: 'delivered',
            warnings: [`${PLATFORM}: test event validated, not recorded as a conversion`, ...warnings],
          }
        : invalidEventOutcome(describeSnapErrors(log.errors, log.status));
  }
  return outcomes;
}

/**
 * One outcome per event of the request, in order. `{status: VALID}` → delivered. `{status:
 * INVALID, event: i, errors}` → event `i` rejected with Snap's messages and the other events
 * retried without it; INVALID without an event index → one rejection for the whole request
 * (error-map.ts). The validate endpoint's `event_logs` give one outcome per event.
 * A 401 is the error table's (the static token needs a person); 403/429/5xx follow core's HTTP table.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[]): Outcome | Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as SnapResponseBody;
  const count = events.length;
  const ok = response.status >= 200 && response.status < 300;
  if (response.status === 401) return outcomeFromErrorTable(snapErrors, response, PLATFORM);
  const httpDecides = !ok && (response.status === 403 || isRetryableStatus(response.status));

  if (!httpDecides && String(body.status ?? '').toUpperCase() === 'INVALID') {
    if (Array.isArray(body.event_logs) && body.event_logs.length > 0)
      return parseValidateLogs(body.event_logs, count);
    if (!isIndex(body.event, count)) return outcomeFromErrorTable(snapErrors, response, PLATFORM);
    const detail = describeSnapErrors(body.errors, body.reason);
    const invalid = body.event;
    return events.map((_, i) => (i === invalid ? invalidEventOutcome(detail) : collateralOutcome(invalid)));
  }
  if (ok && Array.isArray(body.event_logs)) return parseValidateLogs(body.event_logs, count);
  if (ok) return sameOutcome({ status: 'delivered' }, count);
  return outcomeFromStatus(response, PLATFORM, undefined, snapErrors.read(response)?.message);
}
