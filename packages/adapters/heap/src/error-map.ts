import type { Outcome } from '@relay/core';

/**
 * Heap publishes no error codes for the Track API: a 400 names the bad parameter in its body and
 * is rejected with it (default table); 429 and 5xx retry. Nothing overrides the HTTP status.
 */
export function outcomeForHeapError(_status: number, _body: unknown): Outcome | undefined {
  return undefined;
}
