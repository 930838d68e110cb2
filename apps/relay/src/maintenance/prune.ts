import type { Db } from '../db/client';

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

/** Events older than the cutoff whose work is over: routed (or stopped) and no delivery pending or leased. */
const FINISHED_EVENTS = `FROM events e
  WHERE e.created_at < ? AND e.status NOT IN ('pending', 'routing')
    AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status IN ('pending', 'leased'))`;

const UNUSED_EXCHANGES = `FROM http_exchanges x
  WHERE x.started_at < ? AND NOT EXISTS (SELECT 1 FROM delivery_attempts a WHERE a.exchange_id = x.id)`;

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
    const [events] = await db.$queryRawUnsafe<[{ n: bigint }]>(
      `SELECT COUNT(*) AS n ${FINISHED_EVENTS}`,
      cutoff,
    );
    const [exchanges] = await db.$queryRawUnsafe<[{ n: bigint }]>(
      `SELECT COUNT(*) AS n ${UNUSED_EXCHANGES}`,
      cutoff,
    );
    return { events: Number(events.n), exchanges: Number(exchanges.n) };
  }
  const deleteInBatches = async (table: string, alias: string, from: string) => {
    let total = 0;
    for (;;) {
      const n = Number(
        await db.$executeRawUnsafe(
          `DELETE FROM ${table} WHERE id IN (SELECT id FROM (SELECT ${alias}.id ${from} ORDER BY 1 LIMIT ${batchSize}) AS batch)`,
          cutoff,
        ),
      );
      total += n;
      if (n < batchSize) return total;
    }
  };
  const events = await deleteInBatches('events', 'e', FINISHED_EVENTS);
  const exchanges = await deleteInBatches('http_exchanges', 'x', UNUSED_EXCHANGES);
  return { events, exchanges };
}
