import pRetry, { AbortError } from 'p-retry';
import type { HttpRequest, HttpResponse, Outcome } from '../adapter';
import { outcomeFromNetworkError, parseRetryAfter, sameOutcome } from '../outcomes';
import { type ParsedAnswer, parseAnswer } from './parse';
import type { DeliveryRun, SendableEvent } from './run';
import { sendOnce } from './send';

/** Every event of the attempt is retryable: try the whole request again (in process). */
class RetryableAttempt extends Error {
  constructor(
    readonly outcomes: Outcome[],
    readonly retryAfterMs: number | undefined,
  ) {
    super('retryable');
  }
}

const DEFAULT_MAX_INLINE_WAIT_MS = 10_000;

/** What a request's last attempt came to: the parsed answer, or retryable outcomes only. */
export interface Transmitted {
  outcomes: Outcome[];
  /** The parsed answer of the last attempt (absent after a network failure). */
  answer?: ParsedAnswer;
}

/**
 * Stages "send" and "parse" for one request, with in-process retries: the request is sent
 * again (up to `retries` times, exponential backoff) only when every event of it came back
 * retryable, and only when the platform's Retry-After fits `maxInlineWaitMs`; a longer wait
 * comes back as `retryable` for the worker to schedule. `items` are the request's events, in
 * `request.eventIndexes` order.
 */
export async function transmit(
  run: DeliveryRun,
  request: HttpRequest,
  items: SendableEvent[],
  accessToken: string | undefined,
): Promise<Transmitted> {
  const maxInlineWaitMs = run.opts.maxInlineWaitMs ?? DEFAULT_MAX_INLINE_WAIT_MS;
  const events = items.map((item) => item.mapped);
  const indexes = items.map((item) => item.index);
  let last: ParsedAnswer | undefined;
  try {
    const answer = await pRetry(
      async () => {
        for (const index of indexes) run.results[index]!.attempts += 1;
        let response: HttpResponse;
        try {
          response = await sendOnce(run, request, indexes);
        } catch (error) {
          last = undefined;
          const outcome = outcomeFromNetworkError(error, run.adapter.name);
          throw new RetryableAttempt(sameOutcome(outcome, events.length), undefined);
        }
        let parsed: ParsedAnswer;
        try {
          parsed = parseAnswer(run, request, events, response, accessToken);
        } catch (error) {
          throw new AbortError(error instanceof Error ? error : String(error));
        }
        last = parsed;
        if (parsed.outcomes.every((o) => o.status === 'retryable')) {
          const wait = Math.max(
            ...parsed.outcomes.map((o) => (o.status === 'retryable' ? (o.retryAfterMs ?? 0) : 0)),
            parseRetryAfter(response.headers['retry-after'], run.now()) ?? 0,
          );
          throw new RetryableAttempt(parsed.outcomes, wait > 0 ? wait : undefined);
        }
        return parsed;
      },
      {
        retries: run.opts.retries ?? 2,
        minTimeout: run.opts.minRetryDelayMs ?? 500,
        factor: 2,
        randomize: true,
        shouldRetry: ({ error }) =>
          error instanceof RetryableAttempt && (error.retryAfterMs ?? 0) <= maxInlineWaitMs,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          if (error instanceof RetryableAttempt && error.retryAfterMs && retriesLeft > 0) {
            if (error.retryAfterMs <= maxInlineWaitMs) await run.sleep(error.retryAfterMs);
          }
        },
      },
    );
    return { outcomes: answer.outcomes, answer };
  } catch (error) {
    if (error instanceof RetryableAttempt) {
      const transmitted: Transmitted = { outcomes: error.outcomes };
      if (last) transmitted.answer = last;
      return transmitted;
    }
    throw error;
  }
}
