import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  type ParseContext,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { outcomeForResponse } from './error-map';
import type { SgtmCredentials, SgtmOptions } from './schemas';

/**
 * One outcome per event of the request, in order. A tagging server answers for the whole
 * request, so every event of it gets the same outcome: sGTM's own answers first (see
 * error-map.ts), then the default HTTP table (2xx delivered, 401/403 auth, 429/5xx retry
 * with Retry-After, other 4xx rejected).
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  ctx: ParseContext<SgtmCredentials, SgtmOptions>,
): Outcome[] {
  const path = new URL(ctx.request.url).pathname;
  const outcome =
    outcomeForResponse(response, path) ??
    outcomeFromStatus(response, 'Server-side Google Tag Manager', ctx.now);
  return sameOutcome(outcome, events.length);
}
