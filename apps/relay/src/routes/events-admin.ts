import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/client';
import { notFound } from '../http/problems';
import { idParam, page, parseBody, parseQuery } from '../http/validate';

const listQuery = z.object({
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  storefront_id: z.coerce.number().int().optional(),
  status: z.string().optional(),
  event_name: z.string().optional(),
  order_id: z.string().optional(),
});

/** Replay failed deliveries matching a filter; at least one filter is required. */
export const replaySchema = z
  .object({
    platform_code: z.string().optional(),
    storefront_id: z.number().int().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    statuses: z.array(z.enum(['failed', 'suppressed', 'skipped'])).default(['failed']),
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

/** Reset deliveries to pending, due now, with a fresh retry budget (the attempt history stays). */
const replaySet = (t: string) =>
  `${t}status = 'pending', ${t}attempts = 0, ${t}first_attempt_at = NULL, ${t}next_attempt_at = NOW(3), ${t}reason = CONCAT('replayed; was: ', COALESCE(${t}reason, ''))`;

/** `GET /admin/v1/events`, `GET /admin/v1/events/{id}`, and replay of failed deliveries. */
export function eventAdminRoutes(db: Db) {
  const app = new Hono();

  app.get('/events', async (c) => {
    const q = parseQuery(c, listQuery);
    const where = {
      ...(q.storefront_id !== undefined && { storefrontId: q.storefront_id }),
      ...(q.status !== undefined && { status: q.status }),
      ...(q.event_name !== undefined && { eventName: q.event_name }),
      ...(q.order_id !== undefined && { orderId: q.order_id }),
    };
    const [items, total] = await Promise.all([
      db.event.findMany({ where, skip: q.skip, take: q.limit, orderBy: { id: 'desc' } }),
      db.event.count({ where }),
    ]);
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
    const e = await db.event.findUnique({
      where: { id: BigInt(id) },
      include: {
        deliveries: {
          include: { attemptLog: { include: { exchange: true }, orderBy: { id: 'asc' } } },
          orderBy: { id: 'asc' },
        },
      },
    });
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
    if (!(await db.event.findUnique({ where: { id: BigInt(id) }, select: { id: true } })))
      throw notFound('Event', id);
    const replayed = await db.$executeRawUnsafe(
      `UPDATE deliveries SET ${replaySet('')} WHERE event_id = ? AND status = 'failed'`,
      BigInt(id),
    );
    return c.json({ replayed: Number(replayed) });
  });

  app.post('/deliveries/replay', async (c) => {
    const body = await parseBody(c, replaySchema);
    const clauses = [`d.status IN (${body.statuses.map(() => '?').join(', ')})`];
    const params: unknown[] = [...body.statuses];
    if (body.platform_code !== undefined) {
      clauses.push('d.platform_code = ?');
      params.push(body.platform_code);
    }
    if (body.storefront_id !== undefined) {
      clauses.push('e.storefront_id = ?');
      params.push(body.storefront_id);
    }
    if (body.from !== undefined) {
      clauses.push('e.event_time >= ?');
      params.push(new Date(body.from));
    }
    if (body.to !== undefined) {
      clauses.push('e.event_time < ?');
      params.push(new Date(body.to));
    }
    const replayed = await db.$executeRawUnsafe(
      `UPDATE deliveries d JOIN events e ON e.id = d.event_id SET ${replaySet('d.')} WHERE ${clauses.join(' AND ')}`,
      ...params,
    );
    return c.json({ replayed: Number(replayed) });
  });

  return app;
}
