import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { listAuditEntries } from '../db/audit-log';
import type { Db } from '../db/client';
import { STATS_WINDOWS, type StatsWindow, deliveryStats } from '../db/delivery-stats';
import { searchEvents } from '../db/event-search';
import { failureGroups, replayFailureGroup } from '../db/failure-groups';
import { killSwitchTree } from '../db/kill-switch-tree';
import { platformsByTier } from '../db/platforms';
import { defineRoute, openApiRouter } from '../http/openapi-route';
import { invalid, json, jsonBody, replayedSchema } from '../http/openapi-schemas';
import type { AdapterRegistry } from '../platforms/registry';
import {
  auditPageSchema,
  deliveryStatsSchema,
  eventSearchPageSchema,
  failureGroupsSchema,
  killSwitchTreeSchema,
  platformCatalogSchema,
} from './operator-view-schemas';
import { platformJson } from './platforms';

const time = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const cursor = z
  .string()
  .regex(/^\d{1,19}$/, 'cursor must be the next_cursor of a previous page')
  .transform((v) => BigInt(v));
const text = (max: number) => z.string().trim().min(1).max(max);

export const statsQuery = z.object({
  window: z.enum(Object.keys(STATS_WINDOWS) as [StatsWindow, ...StatsWindow[]]).default('day'),
});

/** The stored statuses, and `retrying`: a waiting delivery tried at least once. */
export const DELIVERY_STATUSES = [
  'pending',
  'leased',
  'paused',
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

export const failureGroupReplay = z
  .object({
    destination: text(64),
    reason: z.string().max(255),
  })
  .meta({
    id: 'FailureGroupReplay',
    example: { destination: 'credential:1', reason: 'Invalid parameter' },
  });

export const auditQuery = z.object({
  actor: text(255).optional(),
  resource_type: text(32).optional(),
  resource_id: text(64).optional(),
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const tags = ['operator views'];

const statsRoute = createRoute({
  method: 'get',
  path: '/stats/deliveries',
  tags,
  summary:
    'Events in, deliveries delivered / failed / retrying per destination over a window, backlog, top failure reasons',
  request: { query: statsQuery },
  responses: { 200: json(deliveryStatsSchema, 'Delivery statistics'), ...invalid },
});

const eventSearchRoute = createRoute({
  method: 'get',
  path: '/event-search',
  tags,
  summary:
    'Search events (newest first, cursor pagination) by storefront, name, order, status, time and delivery',
  request: { query: eventSearchQuery },
  responses: {
    200: json(eventSearchPageSchema, 'Matching events with their deliveries'),
    ...invalid,
  },
});

const failureGroupsRoute = createRoute({
  method: 'get',
  path: '/failure-groups',
  tags,
  summary: 'Failed deliveries grouped by destination and reason',
  request: { query: failureGroupQuery },
  responses: {
    200: json(failureGroupsSchema, 'The groups, largest first (at most 200)'),
    ...invalid,
  },
});

const failureGroupReplayRoute = createRoute({
  method: 'post',
  path: '/failure-groups/replay',
  tags,
  summary: 'Replay every failed delivery of one group',
  request: { body: jsonBody(failureGroupReplay) },
  responses: { 200: json(replayedSchema, 'Deliveries queued again'), ...invalid },
});

const killSwitchesRoute = createRoute({
  method: 'get',
  path: '/kill-switches',
  tags,
  summary:
    'Every kill switch (storefront → sGTM / platform / credential) with the deliveries waiting behind it',
  responses: { 200: json(killSwitchTreeSchema, 'The kill-switch tree') },
});

const platformCatalogRoute = createRoute({
  method: 'get',
  path: '/platform-catalog',
  tags,
  summary: 'Platforms with tier, status, API version, docs link, credential schema and secret fields',
  responses: { 200: json(platformCatalogSchema, 'Every platform, by tier') },
});

const auditLogRoute = createRoute({
  method: 'get',
  path: '/audit-log',
  tags,
  summary: 'Admin changes, newest first: who, when, what, before → after (secrets masked)',
  request: { query: auditQuery },
  responses: { 200: json(auditPageSchema, 'Audit entries'), ...invalid },
});

/**
 * Read-mostly views for operators (and the console): delivery statistics, event search,
 * failure groups with replay, the kill-switch tree, the platform catalog and the audit log.
 */
export function operatorViewRoutes(db: Db, registry: AdapterRegistry) {
  const app = openApiRouter();

  defineRoute(app, statsRoute, async (c, { query: q }) => {
    const answer: z.input<typeof deliveryStatsSchema> = await deliveryStats(db, q.window, new Date());
    return c.json(answer);
  });

  defineRoute(app, eventSearchRoute, async (c, { query: q }) => {
    const answer: z.input<typeof eventSearchPageSchema> = await searchEvents(db, {
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
    });
    return c.json(answer);
  });

  defineRoute(app, failureGroupsRoute, async (c, { query: q }) => {
    const answer: z.input<typeof failureGroupsSchema> = {
      items: await failureGroups(db, {
        ...(q.platform_code !== undefined && { platform_code: q.platform_code }),
        ...(q.storefront_id !== undefined && { storefront: q.storefront_id }),
        ...(q.from !== undefined && { from: q.from }),
      }),
    };
    return c.json(answer);
  });

  defineRoute(app, failureGroupReplayRoute, async (c, { body }) =>
    c.json({ replayed: await replayFailureGroup(db, body) }),
  );

  defineRoute(app, killSwitchesRoute, async (c) => {
    const answer: z.input<typeof killSwitchTreeSchema> = await killSwitchTree(db);
    return c.json(answer);
  });

  defineRoute(app, platformCatalogRoute, async (c) => {
    const rows = await platformsByTier(db);
    const answer: z.input<typeof platformCatalogSchema> = {
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
    };
    return c.json(answer);
  });

  defineRoute(app, auditLogRoute, async (c, { query: q }) => {
    const answer: z.input<typeof auditPageSchema> = await listAuditEntries(db, {
      ...(q.actor !== undefined && { actor: q.actor }),
      ...(q.resource_type !== undefined && { resource_type: q.resource_type }),
      ...(q.resource_id !== undefined && { resource_id: q.resource_id }),
      ...(q.cursor !== undefined && { before_id: q.cursor }),
      limit: q.limit,
    });
    return c.json(answer);
  });

  return app;
}
