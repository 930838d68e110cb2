import { countUnusedExchangesBefore, deleteUnusedExchangesBefore } from '../db/attempts';
import type { Db } from '../db/client';
import { countFinishedEventsBefore, deleteFinishedEventsBefore } from '../db/events';

export interface PruneResult {
  /** Events removed, with their deliveries and attempts (foreign keys cascade). */
  events: number;
  /** HTTP exchanges removed once no attempt referred to them any more. */
  exchanges: number;
}

export interface PruneOptions {
  /** Rows per DELETE, so no statement holds its locks for long (default 1000). */
  batchSize?: number;
  /** Count what would be removed, remove nothing. */
  dryRun?: boolean;
}

/**
 * Remove what Relay keeps only for audit: events accepted before `cutoff` whose deliveries are all
 * finished, with their deliveries and attempts, then the HTTP exchanges no attempt refers to.
 * Work still to do (pending or routing events, pending or leased deliveries) is never touched.
 *
 * A pruned event's dedup key is gone too: the same event posted again later is accepted as new.
 * Keep more than the OMS's replay horizon.
 */
export async function pruneBefore(db: Db, cutoff: Date, options: PruneOptions = {}): Promise<PruneResult> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  if (options.dryRun) {
    return {
      events: await countFinishedEventsBefore(db, cutoff),
      exchanges: await countUnusedExchangesBefore(db, cutoff),
    };
  }
  const inBatches = async (deleteSome: () => Promise<number>) => {
    let total = 0;
    for (;;) {
      const n = await deleteSome();
      total += n;
      if (n < batchSize) return total;
    }
  };
  const events = await inBatches(() => deleteFinishedEventsBefore(db, cutoff, batchSize));
  const exchanges = await inBatches(() => deleteUnusedExchangesBefore(db, cutoff, batchSize));
  return { events, exchanges };
}
