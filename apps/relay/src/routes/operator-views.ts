import { Hono } from 'hono';
import { z } from 'zod';
import { listAuditEntries } from '../db/audit-log';
import type { Db } from '../db/client';
import { STATS_WINDOWS, type StatsWindow, deliveryStats } from '../db/delivery-stats';
import { searchEvents } from '../db/event-search';
import { failureGroups, replayFailureGroup } from '../db/failure-groups';
import { killSwitchTree } from '../db/kill-switch-tree';
import { platformsByTier } from '../db/platforms';
import { platformJson } from './platforms';
import { parseBody, parseQuery } from '../http/validate';
import type { AdapterRegistry } from '../platforms/registry';

const time = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const cursor = z
  .string()
  .regex(/^\d{1,19}$/, 'cursor must be the next_cursor of a previous page')
  .transform((v) => BigInt(v));
const text = (max: number) => z.string().trim().min(1).max(max);

export const statsQuery = z.object({
  window: z.enum(Object.keys(STATS_WINDOWS) as [StatsWindow, ...StatsWindow[]]).default('day'),
});

export const DELIVERY_STATUSES = [
  'pending',
  'leased',
  'retrying',
  'delivered',
  'failed',
  'suppressed',
  'skipped',
] as const;

export const eventSearchQuery = z.object({
  storefront_id: text(64).optional(),
  event_name: text(128).optional(),
  order_id: text(255).optional(),
  status: text(16).optional(),
  from: time.optional(),
  to: time.optional(),
  platform_code: text(64).optional(),
  destination: text(64).optional(),
  delivery_status: z.enum(DELIVERY_STATUSES).optional(),
  delivery_from: time.optional(),
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const failureGroupQuery = z.object({
  platform_code: text(64).optional(),
  storefront_id: text(64).optional(),
  from: time.optional(),
});

export const failureGroupReplay = z.object({
  destination: text(64),
  reason: z.string().max(255),
});

export const auditQuery = z.object({
  actor: text(255).optional(),
  resource_type: text(32).optional(),
  resource_id: text(64).optional(),
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Read-mostly views for operators (and the console): delivery statistics, event search,
 * failure groups with replay, the kill-switch tree, the platform catalog and the audit log.
 */
export function operatorViewRoutes(db: Db, registry: AdapterRegistry) {
  const app = new Hono();

  app.get('/stats/deliveries', async (c) => {
    const q = parseQuery(c, statsQuery);
    return c.json(await deliveryStats(db, q.window, new Date()));
  });

  app.get('/event-search', async (c) => {
    const q = parseQuery(c, eventSearchQuery);
    return c.json(
      await searchEvents(db, {
        ...(q.storefront_id !== undefined && { storefront: q.storefront_id }),
        ...(q.event_name !== undefined && { event_name: q.event_name }),
        ...(q.order_id !== undefined && { order_id: q.order_id }),
        ...(q.status !== undefined && { status: q.status }),
        ...(q.from !== undefined && { from: q.from }),
        ...(q.to !== undefined && { to: q.to }),
        ...(q.platform_code !== undefined && { platform_code: q.platform_code }),
        ...(q.destination !== undefined && { destination: q.destination }),
        ...(q.delivery_status !== undefined && { delivery_status: q.delivery_status }),
        ...(q.delivery_from !== undefined && { delivery_from: q.delivery_from }),
        ...(q.cursor !== undefined && { before_id: q.cursor }),
        limit: q.limit,
      }),
    );
  });

  app.get('/failure-groups', async (c) => {
    const q = parseQuery(c, failureGroupQuery);
    const items = await failureGroups(db, {
      ...(q.platform_code !== undefined && { platform_code: q.platform_code }),
      ...(q.storefront_id !== undefined && { storefront: q.storefront_id }),
      ...(q.from !== undefined && { from: q.from }),
    });
    return c.json({ items });
  });

  app.post('/failure-groups/replay', async (c) => {
    const body = await parseBody(c, failureGroupReplay);
    return c.json({ replayed: await replayFailureGroup(db, body) });
  });

  app.get('/kill-switches', async (c) => c.json(await killSwitchTree(db)));

  app.get('/platform-catalog', async (c) => {
    const rows = await platformsByTier(db);
    return c.json({
      items: rows.map((p) => {
        const adapter = registry.get(p.code);
        return {
          ...platformJson(p, registry),
          api_version: adapter?.apiVersion ?? null,
          docs_url: adapter?.docsUrl ?? null,
          status: adapter ? (p.isActive ? 'available' : 'switched off') : 'no adapter',
          secret_fields: adapter ? [...adapter.secretFields] : [],
          max_events_per_request: adapter?.batch.maxEvents ?? null,
        };
      }),
    });
  });

  app.get('/audit-log', async (c) => {
    const q = parseQuery(c, auditQuery);
    return c.json(
      await listAuditEntries(db, {
        ...(q.actor !== undefined && { actor: q.actor }),
        ...(q.resource_type !== undefined && { resource_type: q.resource_type }),
        ...(q.resource_id !== undefined && { resource_id: q.resource_id }),
        ...(q.cursor !== undefined && { before_id: q.cursor }),
        limit: q.limit,
      }),
    );
  });

  return app;
}
