import { resolveDestinations } from '@relay/core';
import type { Db } from '../db/client';
import type { NewDelivery } from '../db/deliveries';
import { type RoutedEvent, claimEvents, completeDirectInsert, finishRouting } from '../db/events';
import type { Logger } from '../log';
import type { AdapterRegistry } from '../platforms/registry';
import { deliveryFor } from './destinations';
import { relayEventOf } from './event-record';
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

/**
 * One router pass: claim pending events, resolve their destinations with the kill switches
 * as they are now, write one delivery per (event, destination) (`INSERT IGNORE` on the unique
 * (event_id, destination_key), so a re-route after a crash adds nothing twice) and mark the
 * events routed. Stopped destinations are recorded as `suppressed` (or `skipped` when no
 * adapter exists) with the switch's reason.
 */
export async function routeOnce(opts: RouterOptions): Promise<RouteResult> {
  const { db, registry, owner } = opts;
  const events = await claimEvents(db, owner, opts.batchSize, opts.leaseMs);
  if (events.length === 0) return { events: 0, deliveries: 0 };

  const state = await loadKillSwitchState(db, registry, {
    ids: events.flatMap((e) => (e.storefront_id === null ? [] : [e.storefront_id])),
    codes: events.flatMap((e) => (e.storefront_code === null ? [] : [e.storefront_code.toLowerCase()])),
  });

  const deliveries: NewDelivery[] = [];
  const finished: RoutedEvent[] = [];
  // Resolved once per storefront: every event of the pass sees the same switches.
  const resolved = new Map<number, ReturnType<typeof resolveDestinations>>();
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
      if (!(await completeDirectInsert(db, row.id, storefront, event.dedupKey))) {
        finished.push({
          id: row.id,
          status: 'duplicate',
          reason: `Event already exists (dedup key ${event.dedupKey})`,
        });
        continue;
      }
    }
    let destinations = resolved.get(storefront.id);
    if (!destinations) {
      destinations = resolveDestinations(state.configFor(storefront.id), storefront.code);
      resolved.set(storefront.id, destinations);
    }
    const storefrontStop = destinations.find((d) => d.kind === 'stopped' && d.level === 'storefront');
    if (storefrontStop && storefrontStop.kind === 'stopped') {
      finished.push({ id: row.id, status: 'suppressed', reason: storefrontStop.reason });
      continue;
    }
    for (const d of destinations) deliveries.push(deliveryFor(row.id, d));
    finished.push({
      id: row.id,
      status: 'routed',
      reason: destinations.length === 0 ? 'no destinations configured' : null,
    });
  }

  await finishRouting(db, owner, finished, deliveries);
  opts.logger?.debug('routed events', { events: events.length, deliveries: deliveries.length });
  return { events: events.length, deliveries: deliveries.length };
}
