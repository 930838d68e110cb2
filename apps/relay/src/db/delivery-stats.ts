import type { Db } from './client';
import { reasonGroupSql } from './reason-group';

/** The overview's time windows: how far back, and the width of one graph bucket. */
export const STATS_WINDOWS = {
  hour: { ms: 3_600_000, bucketMs: 300_000 },
  day: { ms: 86_400_000, bucketMs: 3_600_000 },
  week: { ms: 604_800_000, bucketMs: 21_600_000 },
} as const;

export type StatsWindow = keyof typeof STATS_WINDOWS;

/**
 * What a delivery counts as in the statistics: `delivered` and `failed` are final, `retrying` is
 * a delivery still waiting (pending or leased) after at least one attempt.
 */
export type DeliveryState = 'delivered' | 'failed' | 'retrying';

export interface DestinationStats {
  destination: string;
  platform_code: string;
  storefront_id: string | null;
  delivered: number;
  failed: number;
  retrying: number;
  /** One entry per bucket, oldest first. */
  series: Array<{ delivered: number; failed: number; retrying: number }>;
}

export interface DeliveryStats {
  window: StatsWindow;
  from: string;
  to: string;
  bucket_seconds: number;
  /** Start of each bucket, oldest first. */
  buckets: string[];
  events_in: number;
  events_series: number[];
  destinations: DestinationStats[];
  backlog: {
    /** Deliveries not finished yet (pending or leased), due or not. */
    waiting: number;
    /** Of those, the ones whose next attempt time has come. */
    due: number;
    oldest_due_at: string | null;
    oldest_due_age_seconds: number | null;
    /** Events accepted and not yet routed into deliveries. */
    unrouted_events: number;
  };
  top_failure_reasons: Array<{ platform_code: string; reason: string; count: number }>;
}

/**
 * The overview in one call: events in, deliveries by destination and state over the window
 * (counted at its last attempt, `last_attempt_at`: the worker's updates leave `updated_at`
 * alone), the backlog and the top failure reasons. Five queries in parallel. The window's
 * filter `last_attempt_at >= ?` is a range on `deliveries_last_attempt_at_idx` (EXPLAIN on the
 * demo's database: `type: range, key: deliveries_last_attempt_at_idx`, 38 of 818 rows for the
 * hour, where it was a full scan of `deliveries` before).
 */
export async function deliveryStats(db: Db, window: StatsWindow, now: Date): Promise<DeliveryStats> {
  const { ms, bucketMs } = STATS_WINDOWS[window];
  const bucketCount = Math.round(ms / bucketMs);
  const bucketSeconds = bucketMs / 1000;
  // Buckets end at the next whole bucket after `now`, so they line up between refreshes.
  const end = Math.ceil(now.getTime() / bucketMs) * bucketMs;
  const from = new Date(end - ms);
  const bucketOf = (offset: unknown) => Math.min(bucketCount - 1, Math.max(0, Number(offset)));

  const [events, deliveries, backlog, unrouted, reasons] = await Promise.all([
    db.$queryRawUnsafe<Array<{ bucket: bigint | number; n: bigint }>>(
      `SELECT TIMESTAMPDIFF(SECOND, ?, created_at) DIV ? AS bucket, COUNT(*) AS n
       FROM events WHERE created_at >= ? GROUP BY bucket`,
      from,
      bucketSeconds,
      from,
    ),
    db.$queryRawUnsafe<
      Array<{
        platform_code: string;
        destination_key: string;
        storefront_code: string | null;
        state: DeliveryState;
        bucket: bigint | number;
        n: bigint;
      }>
    >(
      `SELECT d.platform_code, d.destination_key, sf.storefront_id AS storefront_code,
              CASE WHEN d.status IN ('pending', 'leased') THEN 'retrying' ELSE d.status END AS state,
              TIMESTAMPDIFF(SECOND, ?, d.last_attempt_at) DIV ? AS bucket, COUNT(*) AS n
       FROM deliveries d
       LEFT JOIN credentials c ON c.id = d.credential_id
       LEFT JOIN sgtm_configs s ON s.id = d.sgtm_config_id
       LEFT JOIN storefronts sf ON sf.id = COALESCE(c.storefront_id, s.storefront_id)
       WHERE d.last_attempt_at >= ?
         AND (d.status IN ('delivered', 'failed') OR (d.status IN ('pending', 'leased') AND d.attempts > 0))
       GROUP BY d.platform_code, d.destination_key, sf.storefront_id, state, bucket`,
      from,
      bucketSeconds,
      from,
    ),
    db.$queryRawUnsafe<Array<{ waiting: bigint; due: bigint | null; oldest: Date | null; age: unknown }>>(
      `SELECT COUNT(*) AS waiting, SUM(next_attempt_at <= NOW(3)) AS due,
              MIN(CASE WHEN next_attempt_at <= NOW(3) THEN next_attempt_at END) AS oldest,
              TIMESTAMPDIFF(SECOND, MIN(CASE WHEN next_attempt_at <= NOW(3) THEN next_attempt_at END), NOW(3)) AS age
       FROM deliveries WHERE status IN ('pending', 'leased')`,
    ),
    db.$queryRawUnsafe<Array<{ n: bigint }>>(
      "SELECT COUNT(*) AS n FROM events WHERE status IN ('pending', 'routing')",
    ),
    db.$queryRawUnsafe<Array<{ platform_code: string; reason: string | null; n: bigint }>>(
      `SELECT platform_code, ${reasonGroupSql('reason')} AS reason, COUNT(*) AS n
       FROM deliveries WHERE status = 'failed' AND last_attempt_at >= ?
       GROUP BY platform_code, ${reasonGroupSql('reason')}
       ORDER BY n DESC, platform_code LIMIT 10`,
      from,
    ),
  ]);

  const eventsSeries = new Array<number>(bucketCount).fill(0);
  for (const row of events) eventsSeries[bucketOf(row.bucket)]! += Number(row.n);

  const byDestination = new Map<string, DestinationStats>();
  for (const row of deliveries) {
    let entry = byDestination.get(row.destination_key);
    if (!entry) {
      entry = {
        destination: row.destination_key,
        platform_code: row.platform_code,
        storefront_id: row.storefront_code,
        delivered: 0,
        failed: 0,
        retrying: 0,
        series: Array.from({ length: bucketCount }, () => ({ delivered: 0, failed: 0, retrying: 0 })),
      };
      byDestination.set(row.destination_key, entry);
    }
    const n = Number(row.n);
    entry[row.state] += n;
    entry.series[bucketOf(row.bucket)]![row.state] += n;
  }
  const b = backlog[0];
  return {
    window,
    from: from.toISOString(),
    to: new Date(end).toISOString(),
    bucket_seconds: bucketSeconds,
    buckets: Array.from({ length: bucketCount }, (_, i) =>
      new Date(from.getTime() + i * bucketMs).toISOString(),
    ),
    events_in: eventsSeries.reduce((a, n) => a + n, 0),
    events_series: eventsSeries,
    destinations: [...byDestination.values()].sort(
      (x, y) =>
        x.platform_code.localeCompare(y.platform_code) ||
        (x.storefront_id ?? '').localeCompare(y.storefront_id ?? '') ||
        x.destination.localeCompare(y.destination),
    ),
    backlog: {
      waiting: Number(b?.waiting ?? 0),
      due: Number(b?.due ?? 0),
      oldest_due_at: b?.oldest ? new Date(b.oldest).toISOString() : null,
      oldest_due_age_seconds: b?.age === null || b?.age === undefined ? null : Number(b.age),
      unrouted_events: Number(unrouted[0]?.n ?? 0),
    },
    top_failure_reasons: reasons.map((r) => ({
      platform_code: r.platform_code,
      reason: r.reason ?? '',
      count: Number(r.n),
    })),
  };
}
