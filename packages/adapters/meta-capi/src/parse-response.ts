import { type HttpResponse, type MappedEvent, type Outcome, outcomeFromErrorTable } from '@relay/core';
import { metaErrorOf, metaErrors } from './error-map';

const PLATFORM = 'Meta Conversions API';

interface MetaResponseBody {
  events_received?: number;
  messages?: unknown[];
}

/**
 * One outcome for the whole request: Meta accepts or rejects a batch as a whole (any invalid
 * event rejects the request; `batch.atomic` lets core isolate it). The error table
 * (error-map.ts) wins over the HTTP status.
 */
export function parseResponse(response: HttpResponse, events: MappedEvent[]): Outcome {
  const ok = response.status >= 200 && response.status < 300;
  if (!ok || metaErrorOf(response.json)) return outcomeFromErrorTable(metaErrors, response, PLATFORM);
  const body = (
    typeof response.json === 'object' && response.json !== null ? response.json : {}
  ) as MetaResponseBody;
  const warnings = (body.messages ?? []).map((m) => (typeof m === 'string' ? m : JSON.stringify(m)));
  if (typeof body.events_received === 'number' && body.events_received !== events.length) {
    warnings.push(`${PLATFORM} received ${body.events_received} of ${events.length} events`);
  }
  return warnings.length > 0 ? { status: 'delivered', warnings } : { status: 'delivered' };
}
