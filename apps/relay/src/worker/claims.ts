import type { Db } from '../db/client';

/** A leased delivery with what sending it needs. */
export interface ClaimedDelivery {
  id: bigint;
  event_id: bigint;
  destination_key: string;
  platform_code: string;
  credential_id: number | null;
  sgtm_config_id: number | null;
  attempts: number;
  first_attempt_at: Date;
  // the event
  storefront_id: number | null;
  storefront_code: string | null;
  dedup_key: string | null;
  event_name: string;
  event_time: Date;
  order_id: string;
  payload: unknown;
}

/**
 * Claim due deliveries: a short READ COMMITTED transaction selects them with
 * `FOR UPDATE SKIP LOCKED` (index: status, next_attempt_at, id), marks them leased to `owner`
 * until now + `leaseMs` and counts the attempt, then commits, before any HTTP call.
 * `platforms` limits the claim to lanes that have room.
 */
export async function claimDeliveries(
  db: Db,
  owner: string,
  limit: number,
  leaseMs: number,
  exclude: ReadonlyArray<string> = [],
): Promise<ClaimedDelivery[]> {
  return db.$transaction(
    async (tx) => {
      const notIn =
        exclude.length > 0 ? `AND platform_code NOT IN (${exclude.map(() => '?').join(', ')})` : '';
      const rows = await tx.$queryRawUnsafe<Array<{ id: bigint }>>(
        `SELECT id FROM deliveries
         WHERE status = 'pending' AND next_attempt_at <= NOW(3) ${notIn}
         ORDER BY next_attempt_at, id LIMIT ${Number(limit)} FOR UPDATE SKIP LOCKED`,
        ...exclude,
      );
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const list = ids.map(() => '?').join(', ');
      await tx.$executeRawUnsafe(
        `UPDATE deliveries SET status = 'leased', lease_owner = ?, lease_until = NOW(3) + INTERVAL ? MICROSECOND,
           attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, NOW(3)), last_attempt_at = NOW(3)
         WHERE id IN (${list})`,
        owner,
        leaseMs * 1000,
        ...ids,
      );
      return tx.$queryRawUnsafe<ClaimedDelivery[]>(
        `SELECT d.id, d.event_id, d.destination_key, d.platform_code, d.credential_id, d.sgtm_config_id, d.attempts,
                d.first_attempt_at, e.storefront_id, e.storefront_code, e.dedup_key, e.event_name, e.event_time,
                e.order_id, e.payload
         FROM deliveries d JOIN events e ON e.id = d.event_id
         WHERE d.id IN (${list}) ORDER BY d.id`,
        ...ids,
      );
    },
    { isolationLevel: 'ReadCommitted' },
  );
}

export interface Completion {
  id: bigint;
  status: 'delivered' | 'pending' | 'failed' | 'suppressed' | 'skipped';
  reason: string | null;
  nextAttemptAt?: Date;
  platformEventName?: string | null;
}

/**
 * Fenced completion: only the lease owner may finish a delivery, and only while it is leased.
 * Returns the ids whose lease was lost (their result is dropped; another worker owns them).
 */
export async function completeDeliveries(
  db: Db,
  owner: string,
  completions: Completion[],
): Promise<bigint[]> {
  // Deliveries that end the same way are finished with one statement (a batch usually is).
  const groups = new Map<string, Completion[]>();
  for (const c of completions) {
    const key = JSON.stringify([
      c.status,
      c.reason,
      c.nextAttemptAt?.getTime() ?? null,
      c.platformEventName ?? null,
    ]);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lost: bigint[] = [];
  for (const group of groups.values()) {
    const { status, reason, nextAttemptAt, platformEventName } = group[0]!;
    const ids = group.map((c) => c.id);
    const list = ids.map(() => '?').join(', ');
    const count = await db.$executeRawUnsafe(
      `UPDATE deliveries SET status = ?, reason = ?, next_attempt_at = COALESCE(?, next_attempt_at),
         platform_event_name = COALESCE(?, platform_event_name), lease_owner = NULL, lease_until = NULL
       WHERE id IN (${list}) AND lease_owner = ? AND status = 'leased'`,
      status,
      reason,
      nextAttemptAt ?? null,
      platformEventName ?? null,
      ...ids,
      owner,
    );
    if (Number(count) === ids.length) continue;
    // Some leases were lost (expired and taken by another worker): find which, to report them.
    const finished = await db.$queryRawUnsafe<Array<{ id: bigint }>>(
      `SELECT id FROM deliveries WHERE id IN (${list}) AND status = ? AND lease_owner IS NULL`,
      ...ids,
      status,
    );
    const done = new Set(finished.map((r) => String(r.id)));
    lost.push(...ids.filter((id) => !done.has(String(id))));
  }
  return lost;
}

/** Push the lease of deliveries this worker still holds to now + `leaseMs`; returns how many. */
export async function extendLeases(db: Db, owner: string, ids: bigint[], leaseMs: number): Promise<number> {
  if (ids.length === 0) return 0;
  const count = await db.$executeRawUnsafe(
    `UPDATE deliveries SET lease_until = NOW(3) + INTERVAL ? MICROSECOND
     WHERE id IN (${ids.map(() => '?').join(', ')}) AND lease_owner = ? AND status = 'leased'`,
    leaseMs * 1000,
    ...ids,
    owner,
  );
  return Number(count);
}

/** Return expired leases to pending (a crashed worker's claims). */
export async function reapExpiredLeases(db: Db): Promise<number> {
  const count = await db.$executeRawUnsafe(
    `UPDATE deliveries SET status = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = NOW(3)
     WHERE status = 'leased' AND lease_until < NOW(3)`,
  );
  return Number(count);
}

/** One HTTP request as `deliver()` reported it, with the deliveries it carried. */
export interface ExchangeRow {
  platformCode: string;
  method: string;
  url: string;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  requestExcerpt: string;
  responseExcerpt: string;
  /** One per delivery the request carried. */
  attempts: AttemptRow[];
}

export interface AttemptRow {
  deliveryId: bigint;
  attempt: number;
  outcome: string;
  reason: string | null;
}

/** An attempt decided without an HTTP request (too old for the platform, unmapped, bad credential). */
export interface UnsentAttemptRow extends AttemptRow {
  startedAt: Date;
}

/**
 * The audit trail, in one transaction: each HTTP request once in `http_exchanges` (its excerpts
 * are shared by every delivery it carried), then one multi-row insert of the attempts, those
 * decided without a request included (no exchange, no status code).
 */
export async function recordAttempts(
  db: Db,
  exchanges: ExchangeRow[],
  unsent: UnsentAttemptRow[] = [],
): Promise<void> {
  if (exchanges.length === 0 && unsent.length === 0) return;
  await db.$transaction(async (tx) => {
    const rows: unknown[][] = unsent.map((a) => [
      a.deliveryId,
      a.attempt,
      null,
      a.startedAt,
      0,
      null,
      a.outcome,
      a.reason,
    ]);
    for (const x of exchanges) {
      await tx.$executeRawUnsafe(
        `INSERT INTO http_exchanges (platform_code, method, url, started_at, duration_ms, status_code, event_count, request_excerpt, response_excerpt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        x.platformCode,
        x.method,
        x.url.slice(0, 2048),
        x.startedAt,
        x.durationMs,
        x.statusCode,
        x.attempts.length,
        x.requestExcerpt,
        x.responseExcerpt,
      );
      // Same connection, inside the transaction: the id of the row just inserted (MySQL and MariaDB).
      const [{ id }] = await tx.$queryRawUnsafe<[{ id: bigint }]>('SELECT LAST_INSERT_ID() AS id');
      for (const a of x.attempts)
        rows.push([
          a.deliveryId,
          a.attempt,
          id,
          x.startedAt,
          x.durationMs,
          x.statusCode,
          a.outcome,
          a.reason,
        ]);
    }
    if (rows.length === 0) return;
    await tx.$executeRawUnsafe(
      `INSERT INTO delivery_attempts (delivery_id, attempt, exchange_id, started_at, duration_ms, status_code, outcome, reason)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      ...rows.flat(),
    );
  });
}
