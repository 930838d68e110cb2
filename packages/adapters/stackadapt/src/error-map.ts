import type { Outcome } from '@relay/core';

/**
 * StackAdapt publishes no error codes for its conversion pixel (it answers like an image
 * pixel): nothing overrides the HTTP status, so core's default table applies (429/5xx retry,
 * other 4xx rejected with the body's excerpt).
 */
export function outcomeForStackadaptError(_status: number, _body: string): Outcome | undefined {
  return undefined;
}
