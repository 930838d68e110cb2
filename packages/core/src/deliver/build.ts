import { type HttpRequest, type Outcome, toBuildResult } from '../adapter';
import { bodyBytes } from '../chunk';
import { PlatformError } from '../errors';
import { type DeliveryRun, type SendableEvent, buildContext } from './run';

/** The chunk's body is over `batch.maxBytes`: core sends it in halves. */
export class TooLarge extends Error {
  constructor(readonly bytes: number) {
    super('request body over the byte limit');
  }
}

/** The requests for a group of events, and the outcome of every event no request carries. */
export interface Built {
  requests: HttpRequest[];
  /** One per event of the group: the adapter's build refusal, else "not in any request". */
  outcomes: Outcome[];
}

/**
 * Stage "build" (of "chunk"): the adapter's requests for `items`. A body over `batch.maxBytes`
 * throws `TooLarge` when the group can be halved, and a `PlatformError` when one event alone
 * is over the limit.
 */
export function buildFor(run: DeliveryRun, items: SendableEvent[], accessToken: string | undefined): Built {
  const { adapter } = run;
  const built = toBuildResult(
    adapter.buildRequests(
      items.map((item) => item.mapped),
      buildContext(run, accessToken),
    ),
  );
  const outcomes: Outcome[] = items.map(() => ({ status: 'skipped', reason: 'not in any request' }));
  for (const { index, outcome } of built.outcomes ?? []) outcomes[index] = outcome;
  const maxBytes = adapter.batch.maxBytes;
  if (maxBytes !== undefined) {
    const oversized = built.requests.find((r) => bodyBytes(r.body) > maxBytes);
    if (oversized) {
      const bytes = bodyBytes(oversized.body);
      if (items.length > 1) throw new TooLarge(bytes);
      throw new PlatformError(
        `${adapter.name}: one event makes a ${bytes}-byte body, over the ${maxBytes}-byte limit`,
      );
    }
  }
  return { requests: built.requests, outcomes };
}

/** Halves of a group, the first one larger when the count is odd. */
export function halves<T>(items: T[]): [T[], T[]] {
  const half = Math.ceil(items.length / 2);
  return [items.slice(0, half), items.slice(half)];
}
