import { type Outcome, toBuildResult } from '../adapter';
import { ConfigError, ValidationError } from '../errors';
import { sameOutcome } from '../outcomes';
import { authorize } from './authorize';
import { type Built, TooLarge, buildFor, halves } from './build';
import { isolate } from './isolate';
import { needsRefresh, noRefreshFlow } from './refresh';
import { type DeliveryRun, type SendableEvent, buildContext } from './run';
import { transmit } from './transmit';

/** An adapter bug (a throw, a wrong number of outcomes) as the outcome of its events; config errors propagate. */
function adapterError(run: DeliveryRun, error: unknown, count: number): Outcome[] {
  if (ValidationError.isInstance(error) || ConfigError.isInstance(error)) throw error;
  const reason = run.redact(error instanceof Error ? error.message : String(error));
  return sameOutcome({ status: 'rejected', code: 'adapter_error', reason }, count);
}

/**
 * Build, send and parse a group of events: a body over the byte limit is sent in halves; each
 * request's answer goes through "isolate" on all-or-nothing platforms. One outcome per event,
 * in order; an adapter that throws gives `adapter_error` to the events it was handling only.
 */
export async function sendEvents(
  run: DeliveryRun,
  items: SendableEvent[],
  accessToken: string | undefined,
): Promise<Outcome[]> {
  let built: Built;
  try {
    built = buildFor(run, items, accessToken);
  } catch (error) {
    if (!(error instanceof TooLarge)) return adapterError(run, error, items.length);
    const [left, right] = halves(items);
    return [...(await sendEvents(run, left, accessToken)), ...(await sendEvents(run, right, accessToken))];
  }
  const outcomes = built.outcomes;
  const resend = (group: SendableEvent[]) => sendEvents(run, group, accessToken);
  for (const request of built.requests) {
    const requestItems = request.eventIndexes.map((i) => items[i]!);
    let requestOutcomes: Outcome[];
    try {
      const sent = await transmit(run, request, requestItems, accessToken);
      requestOutcomes =
        (request.atomic ?? run.adapter.batch.atomic)
          ? await isolate(run, requestItems, sent, resend)
          : sent.outcomes;
    } catch (error) {
      requestOutcomes = adapterError(run, error, requestItems.length);
    }
    request.eventIndexes.forEach((i, k) => {
      outcomes[i] = requestOutcomes[k]!;
    });
  }
  return outcomes;
}

/**
 * The token could not be had: events the adapter refuses whatever the token (no match key, too
 * far in the future…) keep that outcome; the others wait for a working credential.
 */
function authFailed(run: DeliveryRun, chunk: SendableEvent[], error: unknown): Outcome[] {
  const reason = run.redact(error instanceof Error ? error.message : String(error));
  const refused = new Map<number, Outcome>();
  try {
    const build = run.adapter.buildRequests(
      chunk.map((c) => c.mapped),
      buildContext(run),
    );
    for (const r of toBuildResult(build).outcomes ?? []) refused.set(r.index, r.outcome);
  } catch {
    // A build that needs the token: every event gets the auth outcome.
  }
  return chunk.map(
    (_, k): Outcome =>
      refused.get(k) ?? { status: 'auth', kind: 'needs-attention', reason: `${run.adapter.name}: ${reason}` },
  );
}

function redactOutcome(outcome: Outcome, redact: (s: string) => string): Outcome {
  if ('reason' in outcome) return { ...outcome, reason: redact(outcome.reason) };
  if (outcome.status === 'delivered' && outcome.warnings)
    return { ...outcome, warnings: outcome.warnings.map(redact) };
  return outcome;
}

/**
 * One chunk (≤ `batch.maxEvents` events) through "authorize", "build", "send", "parse",
 * "isolate" and "refresh": after an `auth/refresh` outcome the token is fetched anew and only
 * the events that failed auth are sent again, once.
 */
export async function processChunk(
  run: DeliveryRun,
  chunk: SendableEvent[],
  secondPass = false,
): Promise<void> {
  let token: string | undefined;
  let outcomes: Outcome[] | undefined;
  try {
    token = await authorize(run, secondPass);
  } catch (error) {
    outcomes = authFailed(run, chunk, error);
  }
  outcomes ??= await sendEvents(run, chunk, token);
  chunk.forEach((item, k) => {
    const outcome = outcomes[k]!;
    run.results[item.index]!.outcome = redactOutcome(
      run.adapter.auth ? outcome : noRefreshFlow(outcome),
      run.redact,
    );
  });
  const again = needsRefresh(run, chunk, outcomes, secondPass);
  if (again.length > 0) await processChunk(run, again, true);
}
