import { z } from 'zod';
import { STATS_WINDOWS, type StatsWindow } from '../db/delivery-stats';
import { cursorPageOf } from '../http/openapi-schemas';
import { platformSchema } from './platforms';

/**
 * What the operator views answer (src/db/delivery-stats.ts, event-search.ts, failure-groups.ts,
 * kill-switch-tree.ts, audit-log.ts; docs/api.md § Operator views). The routes type their
 * answers as `z.input` of these, so the document cannot drift from what they send.
 */

const time = z.string().meta({ description: 'ISO 8601, UTC' });
const counts = { delivered: z.number().int(), failed: z.number().int(), retrying: z.number().int() };

export const deliveryStatsSchema = z
  .strictObject({
    window: z.enum(Object.keys(STATS_WINDOWS) as [StatsWindow, ...StatsWindow[]]),
    from: time,
    to: time,
    bucket_seconds: z.number().int(),
    buckets: z.array(time).meta({ description: 'Start of each bucket, oldest first' }),
    events_in: z.number().int(),
    events_series: z.array(z.number().int()).meta({ description: 'Events received per bucket' }),
    destinations: z.array(
      z.strictObject({
        destination: z.string().meta({ description: '`credential:<id>` or `sgtm:<id>`' }),
        platform_code: z.string(),
        storefront_id: z.string().nullable(),
        ...counts,
        series: z.array(z.strictObject(counts)).meta({ description: 'One entry per bucket, oldest first' }),
      }),
    ),
    backlog: z.strictObject({
      waiting: z.number().int().meta({ description: 'Deliveries not finished yet (pending or leased)' }),
      due: z.number().int().meta({ description: 'Of those, the ones whose next attempt time has come' }),
      oldest_due_at: time.nullable(),
      oldest_due_age_seconds: z.number().nullable(),
      unrouted_events: z.number().int(),
    }),
    top_failure_reasons: z.array(
      z.strictObject({ platform_code: z.string(), reason: z.string(), count: z.number().int() }),
    ),
  })
  .meta({
    id: 'DeliveryStats',
    example: {
      window: 'hour',
      from: '2026-01-15T09:00:00.000Z',
      to: '2026-01-15T10:00:00.000Z',
      bucket_seconds: 300,
      buckets: ['2026-01-15T09:00:00.000Z', '2026-01-15T09:05:00.000Z'],
      events_in: 12,
      events_series: [5, 7],
      destinations: [
        {
          destination: 'credential:1',
          platform_code: 'meta_capi',
          storefront_id: 'bosley',
          delivered: 10,
          failed: 1,
          retrying: 1,
          series: [
            { delivered: 4, failed: 1, retrying: 0 },
            { delivered: 6, failed: 0, retrying: 1 },
          ],
        },
      ],
      backlog: {
        waiting: 1,
        due: 0,
        oldest_due_at: null,
        oldest_due_age_seconds: null,
        unrouted_events: 0,
      },
      top_failure_reasons: [{ platform_code: 'meta_capi', reason: 'Invalid parameter', count: 1 }],
    },
  });

const eventSearchItem = z
  .strictObject({
    id: z.number().int(),
    storefront_id: z.string().nullable().meta({ description: "The storefront's code" }),
    event_name: z.string(),
    order_id: z.string(),
    event_time: time,
    status: z.string(),
    status_reason: z.string().nullable(),
    created_at: time,
    deliveries: z.array(
      z.strictObject({
        destination: z.string(),
        platform_code: z.string(),
        status: z.string(),
        attempts: z.number().int(),
      }),
    ),
  })
  .meta({
    id: 'EventSearchItem',
    example: {
      id: 41,
      storefront_id: 'bosley',
      event_name: 'purchase_completed',
      order_id: '2025020100003333',
      event_time: '2026-01-15T10:25:00.000Z',
      status: 'routed',
      status_reason: null,
      created_at: '2026-01-15T10:25:01.000Z',
      deliveries: [
        { destination: 'credential:1', platform_code: 'meta_capi', status: 'delivered', attempts: 1 },
      ],
    },
  });

export const eventSearchPageSchema = cursorPageOf(eventSearchItem);

const failureGroup = z
  .strictObject({
    destination: z.string(),
    platform_code: z.string(),
    storefront_id: z.string().nullable(),
    reason: z.string(),
    count: z.number().int(),
    first_failed_at: time,
    last_failed_at: time,
    sample_event_id: z.number().int(),
  })
  .meta({
    id: 'FailureGroup',
    example: {
      destination: 'credential:1',
      platform_code: 'meta_capi',
      storefront_id: 'bosley',
      reason: 'Invalid parameter',
      count: 3,
      first_failed_at: '2026-01-15T09:12:00.000Z',
      last_failed_at: '2026-01-15T09:58:00.000Z',
      sample_event_id: 41,
    },
  });

export const failureGroupsSchema = z.strictObject({ items: z.array(failureGroup) });

const waiting = z.number().int().meta({ description: 'Deliveries waiting behind this switch' });

/** A destination's privacy lists as stored, defaults filled in (docs/privacy.md). */
const destinationPrivacy = z.strictObject({
  baa: z.boolean(),
  allowed_events: z
    .array(z.string())
    .nullish()
    .meta({ description: "Absent or null: the defaults (standard events and the storefront's aliases)" }),
  allowed_properties: z.array(z.string()),
  allowed_identifiers: z.array(z.string()),
});

const treeCredential = z.strictObject({
  id: z.number().int(),
  platform_id: z.number().int(),
  platform_code: z.string(),
  platform_name: z.string(),
  destination_type: z.string(),
  pixel_id: z.string().nullable(),
  account_id: z.string().nullable(),
  base_url: z.string().nullable(),
  token_url: z
    .string()
    .nullable()
    .meta({ description: "The OAuth token endpoint when it is not the adapter's own" }),
  is_active: z.boolean(),
  paused_at: time.nullable().meta({ description: 'Set while the platform refuses this credential' }),
  pause_reason: z.string().nullable(),
  privacy: destinationPrivacy,
  waiting,
  paused: z
    .number()
    .int()
    .meta({ description: 'Deliveries held (`paused`) until the credential is saved again' }),
});

const treeSgtm = z.strictObject({
  id: z.number().int(),
  sgtm_url: z.string(),
  client_type: z.string(),
  container_id: z.string().nullable(),
  measurement_id: z.string().nullable(),
  custom_endpoint_path: z.string().nullable(),
  has_api_secret: z.boolean(),
  has_custom_headers: z.boolean(),
  is_active: z.boolean(),
  privacy: destinationPrivacy,
  waiting,
});

export const killSwitchTreeSchema = z
  .strictObject({
    platforms: z.array(
      z.strictObject({
        id: z.number().int(),
        platform_code: z.string(),
        name: z.string(),
        is_active: z.boolean(),
        waiting,
      }),
    ),
    storefronts: z.array(
      z.strictObject({
        id: z.number().int(),
        storefront_id: z.string(),
        name: z.string(),
        domain: z.string().nullable(),
        is_active: z.boolean(),
        privacy_mode: z.string().meta({ description: '`standard` or `health` (docs/privacy.md)' }),
        event_aliases: z.record(z.string(), z.string()),
        waiting,
        sgtm: treeSgtm.nullable(),
        credentials: z.array(treeCredential),
      }),
    ),
  })
  .meta({
    id: 'KillSwitchTree',
    example: {
      platforms: [
        { id: 1, platform_code: 'meta_capi', name: 'Meta Conversions API', is_active: true, waiting: 2 },
      ],
      storefronts: [
        {
          id: 1,
          storefront_id: 'bosley',
          name: 'Bosley',
          domain: 'bosley.com',
          is_active: true,
          privacy_mode: 'standard',
          event_aliases: {},
          waiting: 2,
          sgtm: null,
          credentials: [
            {
              id: 1,
              platform_id: 1,
              platform_code: 'meta_capi',
              platform_name: 'Meta Conversions API',
              destination_type: 'direct',
              pixel_id: '123',
              account_id: null,
              base_url: null,
              token_url: null,
              is_active: true,
              paused_at: null,
              pause_reason: null,
              privacy: {
                baa: false,
                allowed_properties: ['value', 'currency'],
                allowed_identifiers: [],
              },
              waiting: 2,
              paused: 0,
            },
          ],
        },
      ],
    },
  });

const catalogPlatform = z
  .strictObject({
    ...platformSchema.shape,
    api_version: z.string().nullable(),
    docs_url: z.string().nullable(),
    status: z.enum(['available', 'switched off', 'no adapter']),
    secret_fields: z.array(z.string()),
    max_events_per_request: z.number().int().nullable(),
  })
  .meta({ id: 'CatalogPlatform' });

export const platformCatalogSchema = z.strictObject({ items: z.array(catalogPlatform) });

const auditRow = z
  .strictObject({
    id: z.number().int(),
    at: time,
    actor: z.string(),
    action: z.string(),
    resource_type: z.string(),
    resource_id: z.string().nullable(),
    method: z.string(),
    path: z.string(),
    request_id: z.string().nullable(),
    before: z.unknown().meta({ description: 'The resource before the change, secrets masked (null: none)' }),
    after: z.unknown().meta({ description: 'The resource after the change, secrets masked (null: none)' }),
  })
  .meta({
    id: 'AuditEntry',
    example: {
      id: 7,
      at: '2026-01-15T10:00:00.000Z',
      actor: 'admin',
      action: 'update',
      resource_type: 'storefront',
      resource_id: '1',
      method: 'PUT',
      path: '/admin/v1/storefronts/1',
      request_id: '4d7c1f1e-3c2a-4f0e-9b1a-2f6f0f1c7a11',
      before: { is_active: true },
      after: { is_active: false },
    },
  });

export const auditPageSchema = cursorPageOf(auditRow);
