import { type Destination, resolveDestinations } from '@relay/core';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import type { Logger } from '../log';
import type { AdapterRegistry } from '../platforms/registry';
import { type EventRow, relayEventOf } from './event-record';
import { loadKillSwitchState } from './routing-config';

export interface RouterOptions {
  db: Db;
  registry: AdapterRegistry;
  owner: string;
  batchSize: number;
  leaseMs: number;
  defaultCurrency: string;
  logger?: Logger;
}

export interface RouteResult {
  events: number;
  deliveries: number;
}

/** `credential:12` or `sgtm:3`: unique per event, so routing twice never makes two deliveries. */
export function destinationKey(
  d: Exclude<Destination, { kind: 'stopped' }> | { kind: 'stopped'; credentialId?: number },
): string {
  if (d.kind === 'sgtm') return `sgtm:${d.sgtmConfigId}`;
  return d.credentialId !== undefined ? `credential:${d.credentialId}` : 'storefront';
}

/**
 * Claim pending events (API and direct inserts alike; an expired routing lease counts as
 * pending), in a short READ COMMITTED transaction with `FOR UPDATE SKIP LOCKED`.
 */
async function claimEvents(opts: RouterOptions): Promise<EventRow[]> {
  const { db, owner, batchSize, leaseMs } = opts;
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<Array<{ id: bigint }>>(
        `SELECT id FROM events
         WHERE status = 'pending' OR (status = 'routing' AND lease_until < NOW(3))
         ORDER BY id LIMIT ${Number(batchSize)} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await tx.$executeRawUnsafe(
        `UPDATE events SET status = 'routing', lease_owner = ?, lease_until = NOW(3) + INTERVAL ? MICROSECOND
         WHERE id IN (${ids.map(() => '?').join(', ')})`,
        owner,
        leaseMs * 1000,
        ...ids,
      );
      return tx.$queryRawUnsafe<EventRow[]>(
        `SELECT id, storefront_id, storefront_code, dedup_key, event_name, event_time, order_id, payload
         FROM events WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
        ...ids,
      );
    },
    { isolationLevel: 'ReadCommitted' },
  );
}

/**
 * One router pass: claim pending events, resolve their destinations with the kill switches
 * as they are now, write one delivery per (event, destination) (`INSERT IGNORE` on the unique
 * (event_id, destination_key), so a re-route after a crash adds nothing twice) and mark the
 * events routed. Stopped destinations are recorded as `suppressed` (or `skipped` when no
 * adapter exists) with the switch's reason.
 */
export async function routeOnce(opts: RouterOptions): Promise<RouteResult> {
  const { db, registry, owner } = opts;
  const events = await claimEvents(opts);
  if (events.length === 0) return { events: 0, deliveries: 0 };

  const state = await loadKillSwitchState(db, registry, {
    ids: events.flatMap((e) => (e.storefront_id === null ? [] : [e.storefront_id])),
    codes: events.flatMap((e) => (e.storefront_code === null ? [] : [e.storefront_code.toLowerCase()])),
  });

  const deliveryRows: unknown[][] = [];
  const finished: Array<{ id: bigint; status: string; reason: string | null }> = [];
  for (const row of events) {
    const storefront =
      (row.storefront_id !== null ? state.storefrontsById.get(row.storefront_id) : undefined) ??
      (row.storefront_code ? state.storefrontsByCode.get(row.storefront_code.toLowerCase()) : undefined);
    if (!storefront) {
      finished.push({
        id: row.id,
        status: 'suppressed',
        reason: `Storefront '${row.storefront_code ?? row.storefront_id}' not found`,
      });
      continue;
    }
    let event: ReturnType<typeof relayEventOf>;
    try {
      event = relayEventOf(row, storefront.code, opts.defaultCurrency);
    } catch (error) {
      finished.push({
        id: row.id,
        status: 'invalid',
        reason: `Stored record is not a valid OMS record: ${(error as Error).message}`,
      });
      continue;
    }
    if (row.dedup_key === null || row.storefront_id === null || row.storefront_code === null) {
      // A row the OMS inserted directly: fill in what it could not know. A key already taken is a duplicate.
      try {
        await db.$executeRawUnsafe(
          'UPDATE events SET storefront_id = ?, storefront_code = ?, dedup_key = ? WHERE id = ?',
          storefront.id,
          storefront.code,
          event.dedupKey,
          row.id,
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        finished.push({
          id: row.id,
          status: 'duplicate',
          reason: `Event already exists (dedup key ${event.dedupKey})`,
        });
        continue;
      }
    }
    const destinations = resolveDestinations(state.configFor(storefront.id), storefront.code);
    const storefrontStop = destinations.find((d) => d.kind === 'stopped' && d.level === 'storefront');
    if (storefrontStop && storefrontStop.kind === 'stopped') {
      finished.push({ id: row.id, status: 'suppressed', reason: storefrontStop.reason });
      continue;
    }
    for (const d of destinations) {
      if (d.kind === 'sgtm') {
        deliveryRows.push([row.id, destinationKey(d), 'sgtm', null, d.sgtmConfigId, 'pending', null]);
      } else if (d.kind === 'direct') {
        deliveryRows.push([
          row.id,
          destinationKey(d),
          d.platformCode,
          d.credentialId,
          null,
          'pending',
          d.note ?? null,
        ]);
      } else {
        const status = d.level === 'adapter' ? 'skipped' : 'suppressed';
        const reason = d.level === 'adapter' ? d.reason : `${d.level} switch: ${d.reason}`;
        deliveryRows.push([
          row.id,
          destinationKey(d),
          d.platformCode ?? '',
          d.credentialId ?? null,
          null,
          status,
          reason,
        ]);
      }
    }
    finished.push({
      id: row.id,
      status: 'routed',
      reason: destinations.length === 0 ? 'no destinations configured' : null,
    });
  }

  await db.$transaction(async (tx) => {
    if (deliveryRows.length > 0) {
      await tx.$executeRawUnsafe(
        `INSERT IGNORE INTO deliveries (event_id, destination_key, platform_code, credential_id, sgtm_config_id, status, reason, next_attempt_at)
         VALUES ${deliveryRows.map(() => '(?, ?, ?, ?, ?, ?, ?, NOW(3))').join(', ')}`,
        ...deliveryRows.flat(),
      );
    }
    const byOutcome = new Map<string, bigint[]>();
    for (const f of finished) {
      const key = JSON.stringify([f.status, f.reason]);
      byOutcome.set(key, [...(byOutcome.get(key) ?? []), f.id]);
    }
    for (const [key, ids] of byOutcome) {
      const [status, reason] = JSON.parse(key) as [string, string | null];
      await tx.$executeRawUnsafe(
        `UPDATE events SET status = ?, status_reason = ?, routed_at = NOW(3), lease_owner = NULL, lease_until = NULL
         WHERE id IN (${ids.map(() => '?').join(', ')}) AND lease_owner = ?`,
        status,
        reason,
        ...ids,
        owner,
      );
    }
  });
  opts.logger?.debug('routed events', { events: events.length, deliveries: deliveryRows.length });
  return { events: events.length, deliveries: deliveryRows.length };
}
