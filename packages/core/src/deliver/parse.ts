import type { HttpRequest, HttpResponse, MappedEvent, Outcome } from '../adapter';
import { PlatformError } from '../errors';
import { sameOutcome, withRetryAfter } from '../outcomes';
import { type DeliveryRun, buildContext } from './run';

/** What one answer means for the events of its request. */
export interface ParsedAnswer {
  /** One outcome per event of the request, in order. */
  outcomes: Outcome[];
  /** The one outcome the adapter gave the whole request, when it gave one. */
  whole?: Outcome;
  response: HttpResponse;
}

const same = (a: Outcome, b: Outcome) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Stage "parse": the adapter's reading of an answer, one outcome per event. A single outcome
 * (or the same outcome for every event) is the request's; the platform's Retry-After wins for
 * every retryable outcome, whatever the adapter's error table said. A wrong number of outcomes
 * throws a `PlatformError` (core turns it into `adapter_error`).
 */
export function parseAnswer(
  run: DeliveryRun,
  request: HttpRequest,
  events: MappedEvent[],
  response: HttpResponse,
  accessToken: string | undefined,
): ParsedAnswer {
  const { adapter } = run;
  const answer = adapter.parseResponse(response, events, { ...buildContext(run, accessToken), request });
  const now = run.now();
  const retryAfter = (o: Outcome): Outcome => withRetryAfter(o, response, now);
  if (!Array.isArray(answer)) {
    const whole = retryAfter(answer);
    return { outcomes: sameOutcome(whole, events.length), whole, response };
  }
  if (answer.length !== events.length) {
    throw new PlatformError(
      `${adapter.name}: parseResponse gave ${answer.length} outcomes for ${events.length} events`,
    );
  }
  const outcomes = answer.map(retryAfter);
  const first = outcomes[0];
  const parsed: ParsedAnswer = { outcomes, response };
  if (first && outcomes.every((o) => same(o, first))) parsed.whole = first;
  return parsed;
}
