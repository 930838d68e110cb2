import type { Outcome } from '../adapter';
import { matchErrorRow } from '../error-table';
import { halves } from './build';
import type { DeliveryRun, SendableEvent } from './run';
import type { Transmitted } from './transmit';

/** Sends a group of events again (build, send, parse and isolate), one outcome per event. */
export type Resend = (items: SendableEvent[]) => Promise<Outcome[]>;

const isCollateral = (o: Outcome) => o.status === 'retryable' && o.collateral === true;

/**
 * Stage "isolate", for platforms that accept or refuse a request as a whole (`batch.atomic`):
 * one bad event must not sink the others.
 *
 * - The answer names the bad events (the adapter rejects those and marks the others
 *   `collateral`): the others are sent again at once, without the bad ones.
 * - The answer rejects the whole request without naming anyone: the request is halved, and
 *   each half sent again (and halved again while it is refused) until the bad events are
 *   alone; each is rejected with the platform's own message, the rest delivered. That costs
 *   about 2·log2(n) extra requests per bad event.
 * - Stop rule: an answer that is not a rejection (auth, throttling, a platform outage), or an
 *   error row marked `scope: 'request'` (a wrong account, a malformed envelope), is not about
 *   one event: every event of the group keeps that outcome and nothing is split.
 *
 * Every request sent here is counted in `DeliveryReport.isolationRequests`.
 */
export async function isolate(
  run: DeliveryRun,
  items: SendableEvent[],
  sent: Transmitted,
  resend: Resend,
): Promise<Outcome[]> {
  const outcomes = [...sent.outcomes];
  const answer = sent.answer;
  const collateral = outcomes.flatMap((o, k) => (isCollateral(o) ? [k] : []));
  const named = outcomes.some((o) => o.status === 'rejected');
  if (collateral.length > 0 && named) {
    const again = await isolating(run, () => resend(collateral.map((k) => items[k]!)));
    collateral.forEach((k, j) => {
      outcomes[k] = again[j]!;
    });
    return outcomes;
  }
  const whole = answer?.whole;
  if (whole?.status !== 'rejected' || items.length < 2) return outcomes;
  const table = run.adapter.errors;
  if (table && matchErrorRow(table, answer!.response)?.row.scope === 'request') return outcomes;
  const [left, right] = halves(items);
  const first = await isolating(run, () => resend(left));
  const second = await isolating(run, () => resend(right));
  return [...first, ...second];
}

async function isolating<T>(run: DeliveryRun, work: () => Promise<T>): Promise<T> {
  run.isolating += 1;
  try {
    return await work();
  } finally {
    run.isolating -= 1;
  }
}
