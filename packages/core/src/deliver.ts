import type { AnyAdapter } from './adapter';
import { chunkByCount } from './chunk';
import { mapEventName } from './deliver/map';
import { processChunk } from './deliver/process-chunk';
import { refuseEvent } from './deliver/refuse';
import { type DeliverOptions, type DeliveryReport, type PendingEvent, settle, startRun } from './deliver/run';
import { deliverWithPolicy } from './privacy/deliver-policy';
import type { RelayEvent } from './relay-event';

export { ageRefusal, eventAgeMarginMs } from './deliver/refuse';
export {
  type AttemptRecord,
  type DeliverOptions,
  type DeliveryReport,
  type EventResult,
  type TokenCache,
  memoryTokenCache,
} from './deliver/run';
export { serialize, withContentType } from './deliver/send';

/**
 * Deliver events to one platform with one credential, in named stages (packages/core/src/deliver/):
 *
 * 0. **privacy** — with `opts.policy`: the storefront's health mode and the consent rules
 *    (src/privacy/, docs/privacy.md); suppressed events stop here, the others go on rewritten;
 * 1. **map** — the platform's event name; events it does not take are skipped;
 * 2. **refuse** — the age window (with its margin) and the adapter's per-event `check`;
 * 3. **chunk** — at most `batch.maxEvents` per chunk; a body over `batch.maxBytes` is halved;
 * 4. **authorize** — the access token (cached; fetched with the adapter's `auth`);
 * 5. **send** and **parse** — each request with timeout and in-process retries;
 * 6. **isolate** — on all-or-nothing platforms, bad events are found and the others sent again;
 * 7. **refresh** — events that failed with `auth/refresh` are sent once more with a new token.
 *
 * Returns one result per input event, in order. Never throws for platform
 * failures; throws `ValidationError` for bad credentials/options.
 */
export async function deliver(
  adapter: AnyAdapter,
  events: ReadonlyArray<RelayEvent>,
  opts: DeliverOptions,
): Promise<DeliveryReport> {
  const { policy } = opts;
  if (policy !== undefined) return deliverWithPolicy(adapter, events, { ...opts, policy }, deliverStages);
  return deliverStages(adapter, events, opts);
}

async function deliverStages(
  adapter: AnyAdapter,
  events: ReadonlyArray<RelayEvent>,
  opts: DeliverOptions,
): Promise<DeliveryReport> {
  const run = startRun(adapter, events, opts);
  const pending: PendingEvent[] = events.map((event, index) => ({ index, event }));
  const named = settle(
    run,
    pending.map((p) => mapEventName(run, p)),
  );
  const sendable = settle(
    run,
    named.map((p) => refuseEvent(run, p)),
  );
  for (const chunk of chunkByCount(sendable, adapter.batch.maxEvents)) await processChunk(run, chunk);
  return { results: run.results, attempts: run.attempts, isolationRequests: run.isolationRequests };
}
