import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type MetaError, describeMetaError, outcomeForMetaError } from './error-map';

const PLATFORM = 'Meta Conversions API';

interface MetaResponseBody {
  events_received?: number;
  messages?: unknown[];
  fbtrace_id?: string;
  error?: MetaError | string;
}

/**
 * One outcome per event of the request, in order. Meta accepts or rejects a batch as a whole
 * (any invalid event rejects the request), so every event gets the same outcome; the error
 * table (error-map.ts) wins over the HTTP status.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[], now: Date): Outcome[] {
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as MetaResponseBody;
  const error = typeof body.error === 'object' && body.error !== null ? body.error : undefined;

  if (response.status >= 200 && response.status < 300 && !error) {
    const warnings = (body.messages ?? []).map((m) => (typeof m === 'string' ? m : JSON.stringify(m)));
    if (typeof body.events_received === 'number' && body.events_received !== events.length) {
      warnings.push(`${PLATFORM} received ${body.events_received} of ${events.length} events`);
    }
    return sameOutcome(
      warnings.length > 0 ? { status: 'delivered', warnings } : { status: 'delivered' },
      events.length,
    );
  }

  const special = error ? outcomeForMetaError(error) : undefined;
  if (special) return sameOutcome(special, events.length);
  return sameOutcome(
    outcomeFromStatus(response, PLATFORM, now, error ? describeMetaError(error) : undefined),
    events.length,
  );
}
