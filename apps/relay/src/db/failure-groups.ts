import type { Db } from './client';
import { replayFailedGroup } from './deliveries';
import { reasonGroupSql } from './reason-group';

export interface FailureGroup {
  destination: string;
  platform_code: string;
  storefront_id: string | null;
  /** The reason's group key (see reason-group.ts): with the destination, what the group is. */
  reason: string;
  count: number;
  first_failed_at: string;
  last_failed_at: string;
  /** The newest failed event of the group, to open as an example. */
  sample_event_id: number;
}

export interface FailureGroupFilter {
  platform_code?: string;
  storefront?: string;
  /** Last attempted at or after. */
  from?: Date;
}

const reasonKey = reasonGroupSql('d.reason');

/** Failed deliveries grouped by destination and reason, largest group first (at most 200). */
export async function failureGroups(db: Db, filter: FailureGroupFilter): Promise<FailureGroup[]> {
  const clauses = ["d.status = 'failed'"];
  const params: unknown[] = [];
  if (filter.platform_code !== undefined) {
    clauses.push('d.platform_code = ?');
    params.push(filter.platform_code);
  }
  if (filter.storefront !== undefined) {
    clauses.push('e.storefront_code = ?');
    params.push(filter.storefront);
  }
  if (filter.from !== undefined) {
    clauses.push('d.last_attempt_at >= ?');
    params.push(filter.from);
  }
  const rows = await db.$queryRawUnsafe<
    Array<{
      destination_key: string;
      platform_code: string;
      storefront_code: string | null;
      reason: string;
      n: bigint;
      first_at: Date;
      last_at: Date;
      sample: bigint;
    }>
  >(
    `SELECT d.destination_key, d.platform_code, MAX(e.storefront_code) AS storefront_code, ${reasonKey} AS reason,
            COUNT(*) AS n, MIN(d.last_attempt_at) AS first_at, MAX(d.last_attempt_at) AS last_at, MAX(d.event_id) AS sample
     FROM deliveries d JOIN events e ON e.id = d.event_id
     WHERE ${clauses.join(' AND ')}
     GROUP BY d.destination_key, d.platform_code, ${reasonKey}
     ORDER BY n DESC, d.destination_key, reason LIMIT 200`,
    ...params,
  );
  return rows.map((r) => ({
    destination: r.destination_key,
    platform_code: r.platform_code,
    storefront_id: r.storefront_code,
    reason: r.reason,
    count: Number(r.n),
    first_failed_at: new Date(r.first_at).toISOString(),
    last_failed_at: new Date(r.last_at).toISOString(),
    sample_event_id: Number(r.sample),
  }));
}

/**
 * Replay one failure group: its failed deliveries go back to pending, due now, with a fresh
 * retry budget (the attempt history stays, the old reason is kept after "replayed; was:").
 */
export function replayFailureGroup(db: Db, group: { destination: string; reason: string }): Promise<number> {
  return replayFailedGroup(db, group.destination, group.reason);
}
