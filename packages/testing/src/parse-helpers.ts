import type { HttpResponse, MappedEvent } from '@relay/core';
import { sampleEvent } from './fixtures';

/** An `HttpResponse` with a JSON body, for `parseResponse` tests (header names lower-case). */
export function jsonResponse(
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return { status, headers, body: JSON.stringify(json), json };
}

/** `count` mapped `purchase_completed` sample events under the platform name `name`. */
export function mappedEvents(count: number, name = 'purchase', custom = false): MappedEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    event: sampleEvent('purchase_completed', i + 1),
    name,
    custom,
  }));
}
