import { type HttpResponse, type Outcome, outcomeFromStatus } from '@relay/core';

const PLATFORM = 'StackAdapt conversion pixel';

/**
 * StackAdapt publishes no error codes for its conversion pixel (it answers like an image pixel),
 * so the adapter declares no error table: core's HTTP table decides every answer (2xx delivered,
 * 429/5xx retried, other 4xx rejected with the body's excerpt).
 */
export function outcomeForStackadaptAnswer(response: HttpResponse, now: Date): Outcome {
  return outcomeFromStatus(response, PLATFORM, now);
}
