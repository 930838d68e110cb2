import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/client';
import { replayDeliveries, replayEventDeliveries } from '../db/deliveries';
import { eventExists, findEventWithDeliveries, listEvents } from '../db/events';
import { EVENT_STATUSES, REPLAYABLE_DELIVERY_STATUSES } from '../db/statuses';
import { notFound } from '../http/problems';
import { idParam, page, parseBody, parseQuery } from '../http/validate';

const listQuery = z.object({
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  storefront_id: z.coerce.number().int().optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  event_name: z.string().optional(),
  order_id: z.string().optional(),
});

/** Replay failed deliveries matching a filter; at least one filter is required. */
export const replaySchema = z
  .object({
    platform_code: z.string().max(64).optional(),
    storefront_id: z.number().int().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    statuses: z
      .array(z.enum(REPLAYABLE_DELIVERY_STATUSES))
      .min(1, 'List should have at least 1 status')
      .default(['failed']),
  })
  .refine(
    (v) =>
      v.platform_code !== undefined ||
      v.storefront_id !== undefined ||
      v.from !== undefined ||
      v.to !== undefined,
    {
      message: 'give at least one of platform_code, storefront_id, from, to',
      path: ['platform_code'],
    },
  );

const str = (v: bigint | number) => Number(v);

function deliveryJson(d: {
  id: bigint;
  destinationKey: string;
  platformCode: string;
  credentialId: number | null;
  sgtmConfigId: number | null;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  firstAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  platformEventName: string | null;
  reason: string | null;
}) {
  return {
    id: str(d.id),
    destination: d.destinationKey,
    platform_code: d.platformCode,
    credential_id: d.credentialId,
    sgtm_config_id: d.sgtmConfigId,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.nextAttemptAt.toISOString(),
    first_attempt_at: d.firstAttemptAt?.toISOString() ?? null,
    last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
    platform_event_name: d.platformEventName,
    reason: d.reason,
  };
}

/** `GET /admin/v1/events`, `GET /admin/v1/events/{id}`, and replay of failed deliveries. */
export function eventAdminRoutes(db: Db) {
  const app = new Hono();

  app.get('/events', async (c) => {
    const q = parseQuery(c, listQuery);
    const { items, total } = await listEvents(
      db,
      {
        ...(q.storefront_id !== undefined && { storefrontId: q.storefront_id }),
        ...(q.status !== undefined && { status: q.status }),
        ...(q.event_name !== undefined && { eventName: q.event_name }),
        ...(q.order_id !== undefined && { orderId: q.order_id }),
      },
      q,
    );
    return c.json(
      page(
        items.map((e) => ({
          id: str(e.id),
          storefront_id: e.storefrontId,
          storefront_code: e.storefrontCode,
          dedup_key: e.dedupKey,
          event_name: e.eventName,
          event_time: e.eventTime.toISOString(),
          order_id: e.orderId,
          status: e.status,
          status_reason: e.statusReason,
          created_at: e.createdAt.toISOString(),
          routed_at: e.routedAt?.toISOString() ?? null,
        })),
        total,
        q.skip,
        q.limit,
      ),
    );
  });

  app.get('/events/:id', async (c) => {
    const id = idParam(c);
    const e = await findEventWithDeliveries(db, BigInt(id));
    if (!e) throw notFound('Event', id);
    return c.json({
      id: str(e.id),
      storefront_id: e.storefrontId,
      storefront_code: e.storefrontCode,
      dedup_key: e.dedupKey,
      event_name: e.eventName,
      event_time: e.eventTime.toISOString(),
      order_id: e.orderId,
      status: e.status,
      status_reason: e.statusReason,
      payload: e.payload,
      created_at: e.createdAt.toISOString(),
      routed_at: e.routedAt?.toISOString() ?? null,
      deliveries: e.deliveries.map((d) => ({
        ...deliveryJson(d),
        attempt_log: d.attemptLog.map((a) => ({
          attempt: a.attempt,
          started_at: a.startedAt.toISOString(),
          duration_ms: a.durationMs,
          status_code: a.statusCode,
          outcome: a.outcome,
          reason: a.reason,
          policy_hash: a.policyHash,
          removed_fields: a.removedFields ?? null,
          exchange_id: a.exchangeId === null ? null : str(a.exchangeId),
          method: a.exchange?.method || null,
          url: a.exchange?.url || null,
          request_excerpt: a.exchange?.requestExcerpt ?? null,
          response_excerpt: a.exchange?.responseExcerpt ?? null,
        })),
      })),
    });
  });

  app.post('/events/:id/replay', async (c) => {
    const id = idParam(c);
    if (!(await eventExists(db, BigInt(id)))) throw notFound('Event', id);
    return c.json({ replayed: await replayEventDeliveries(db, BigInt(id)) });
  });

  app.post('/deliveries/replay', async (c) => {
    const body = await parseBody(c, replaySchema);
    const replayed = await replayDeliveries(db, {
      statuses: body.statuses,
      ...(body.platform_code !== undefined && { platformCode: body.platform_code }),
      ...(body.storefront_id !== undefined && { storefrontId: body.storefront_id }),
      ...(body.from !== undefined && { from: new Date(body.from) }),
      ...(body.to !== undefined && { to: new Date(body.to) }),
    });
    return c.json({ replayed });
  });

  return app;
}
