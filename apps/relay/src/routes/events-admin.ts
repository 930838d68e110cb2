import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Db } from '../db/client';
import { replayDeliveries, replayEventDeliveries } from '../db/deliveries';
import {
  type Event,
  type EventWithDeliveries,
  eventExists,
  findEventWithDeliveries,
  listEvents,
} from '../db/events';
import { EVENT_STATUSES, REPLAYABLE_DELIVERY_STATUSES } from '../db/statuses';
import { defineRoute, openApiRouter } from '../http/openapi-route';
import {
  idParams,
  invalid,
  json,
  jsonBody,
  notFoundResponse,
  pageOf,
  replayedSchema,
} from '../http/openapi-schemas';
import { notFound } from '../http/problems';
import { page } from '../http/validate';

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
  )
  .meta({
    id: 'Replay',
    description: 'Give at least one of platform_code, storefront_id, from, to.',
    example: { platform_code: 'meta_capi', from: '2026-01-15T00:00:00Z', statuses: ['failed'] },
  });

const str = (v: bigint | number) => Number(v);

const time = z.string().meta({ description: 'ISO 8601, UTC' });

const eventFields = {
  id: z.number().int(),
  storefront_id: z.number().int().nullable(),
  storefront_code: z.string().nullable(),
  dedup_key: z.string().nullable(),
  event_name: z.string(),
  event_time: time,
  order_id: z.string(),
  status: z.string().meta({ description: `One of ${EVENT_STATUSES.join(', ')}` }),
  status_reason: z.string().nullable(),
  created_at: time,
  routed_at: time.nullable(),
};

const EVENT_EXAMPLE = {
  id: 1,
  storefront_id: 1,
  storefront_code: 'bosley',
  dedup_key: 'bosley:purchase_completed:2025020100003333',
  event_name: 'purchase_completed',
  event_time: '2026-01-15T10:25:00.000Z',
  order_id: '2025020100003333',
  status: 'routed',
  status_reason: null,
  created_at: '2026-01-15T10:25:01.000Z',
  routed_at: '2026-01-15T10:25:02.000Z',
};

export const eventSummarySchema = z.strictObject(eventFields).meta({ id: 'Event', example: EVENT_EXAMPLE });
const eventPageSchema = pageOf(eventSummarySchema);

const attemptSchema = z.strictObject({
  attempt: z.number().int(),
  started_at: time,
  duration_ms: z.number().int(),
  status_code: z.number().int().nullable(),
  outcome: z.string(),
  reason: z.string().nullable(),
  policy_hash: z.string().nullable().meta({ description: 'Hash of the privacy policy applied' }),
  removed_fields: z
    .unknown()
    .meta({ description: 'Fields the privacy policy removed (null: none recorded)' }),
  exchange_id: z.number().int().nullable(),
  method: z.string().nullable(),
  url: z.string().nullable(),
  request_excerpt: z.string().nullable(),
  response_excerpt: z.string().nullable(),
});

const deliverySchema = z.strictObject({
  id: z.number().int(),
  destination: z.string().meta({ description: '`credential:<id>` or `sgtm:<id>`' }),
  platform_code: z.string(),
  credential_id: z.number().int().nullable(),
  sgtm_config_id: z.number().int().nullable(),
  status: z.string(),
  attempts: z.number().int(),
  next_attempt_at: time,
  first_attempt_at: time.nullable(),
  last_attempt_at: time.nullable(),
  platform_event_name: z.string().nullable(),
  reason: z.string().nullable(),
  attempt_log: z.array(attemptSchema),
});

export const eventDetailSchema = z
  .strictObject({
    ...eventFields,
    payload: z.unknown().meta({ description: 'The OMS record as received' }),
    deliveries: z.array(deliverySchema),
  })
  .meta({
    id: 'EventDetail',
    example: {
      ...EVENT_EXAMPLE,
      payload: { storefront_id: 'bosley', event_name: 'purchase_completed', order_id: '2025020100003333' },
      deliveries: [
        {
          id: 1,
          destination: 'credential:1',
          platform_code: 'meta_capi',
          credential_id: 1,
          sgtm_config_id: null,
          status: 'delivered',
          attempts: 1,
          next_attempt_at: '2026-01-15T10:25:02.000Z',
          first_attempt_at: '2026-01-15T10:25:03.000Z',
          last_attempt_at: '2026-01-15T10:25:03.000Z',
          platform_event_name: 'Purchase',
          reason: null,
          attempt_log: [
            {
              attempt: 1,
              started_at: '2026-01-15T10:25:03.000Z',
              duration_ms: 182,
              status_code: 200,
              outcome: 'delivered',
              reason: null,
              policy_hash: null,
              removed_fields: null,
              exchange_id: 1,
              method: 'POST',
              url: 'https://graph.facebook.com/v21.0/123/events',
              request_excerpt: '{"data":[…]}',
              response_excerpt: '{"events_received":1}',
            },
          ],
        },
      ],
    },
  });

type Delivery = EventWithDeliveries['deliveries'][number];

function deliveryJson(d: Delivery): z.input<typeof deliverySchema> {
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
  };
}

/** An event's own columns, as the list shows them (the detail adds its record and deliveries). */
function eventSummaryJson(e: Event): z.input<typeof eventSummarySchema> {
  return {
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
  };
}

function eventJson(e: EventWithDeliveries): z.input<typeof eventDetailSchema> {
  return { ...eventSummaryJson(e), payload: e.payload, deliveries: e.deliveries.map(deliveryJson) };
}

const tags = ['events'];

const listRoute = createRoute({
  method: 'get',
  path: '/events',
  tags,
  summary: 'List events (newest first), filtered by storefront, status, name or order',
  request: { query: listQuery },
  responses: { 200: json(eventPageSchema, 'A page of events'), ...invalid },
});

const getRoute = createRoute({
  method: 'get',
  path: '/events/{id}',
  tags,
  summary: 'One event with its deliveries and their attempts',
  request: { params: idParams },
  responses: {
    200: json(eventDetailSchema, 'The event'),
    ...notFoundResponse,
    ...invalid,
  },
});

const replayEventRoute = createRoute({
  method: 'post',
  path: '/events/{id}/replay',
  tags,
  summary: 'Replay the failed deliveries of one event',
  request: { params: idParams },
  responses: {
    200: json(replayedSchema, 'Deliveries queued again'),
    ...notFoundResponse,
    ...invalid,
  },
});

const replayDeliveriesRoute = createRoute({
  method: 'post',
  path: '/deliveries/replay',
  tags,
  summary:
    'Replay the deliveries of a platform / storefront / time range in the given statuses (privacy suppressions never)',
  request: { body: jsonBody(replaySchema) },
  responses: { 200: json(replayedSchema, 'Deliveries queued again'), ...invalid },
});

/** `GET /admin/v1/events`, `GET /admin/v1/events/{id}`, and replay of failed deliveries. */
export function eventAdminRoutes(db: Db) {
  const app = openApiRouter();

  defineRoute(app, listRoute, async (c, { query: q }) => {
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
    const answer: z.input<typeof eventPageSchema> = page(items.map(eventSummaryJson), total, q.skip, q.limit);
    return c.json(answer);
  });

  defineRoute(app, getRoute, async (c, { params: { id } }) => {
    const e = await findEventWithDeliveries(db, BigInt(id));
    if (!e) throw notFound('Event', id);
    return c.json(eventJson(e));
  });

  defineRoute(app, replayEventRoute, async (c, { params: { id } }) => {
    if (!(await eventExists(db, BigInt(id)))) throw notFound('Event', id);
    return c.json({ replayed: await replayEventDeliveries(db, BigInt(id)) });
  });

  defineRoute(app, replayDeliveriesRoute, async (c, { body }) => {
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
