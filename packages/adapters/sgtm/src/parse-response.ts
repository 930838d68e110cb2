import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  type ParseContext,
  matchErrorRow,
  outcomeFromStatus,
  outcomeOfRow,
  sameOutcome,
} from '@relay/core';
import { PLATFORM, sgtmErrors, withPath } from './error-map';
import type { SgtmCredentials, SgtmOptions } from './schemas';

/**
 * One outcome per event of the request, in order. A tagging server answers for the whole
 * request, so every event of it gets the same outcome: sGTM's own answers first (the error
 * table, error-map.ts), then the default HTTP table (2xx delivered, 401/403 auth, 429/5xx retry
 * with Retry-After, other 4xx rejected).
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  ctx: ParseContext<SgtmCredentials, SgtmOptions>,
): Outcome[] {
  const hit = matchErrorRow(sgtmErrors, response);
  const outcome = hit
    ? withPath(outcomeOfRow(hit.row, hit.error, PLATFORM), new URL(ctx.request.url).pathname)
    : outcomeFromStatus(response, PLATFORM, ctx.now);
  return sameOutcome(outcome, events.length);
}
