import { createRoute } from '@hono/zod-openapi';
import { omsBatchSchema } from '@relay/core';
import type { Context } from 'hono';
import { z } from 'zod';
import type { RelayConfig } from '../config';
import type { Db } from '../db/client';
import { ingestBatch } from '../ingest/ingest-batch';
import { storableJsonProblem } from '../ingest/storable-json';
import { defineRoute, openApiRouter } from '../http/openapi-route';
import {
  databaseUnavailableResponse,
  invalid,
  json,
  jsonBody,
  payloadTooLargeResponse,
} from '../http/openapi-schemas';
import { HttpProblem } from '../http/problems';
import { readJsonBody } from '../http/validate';
import type { RelayMetrics as Metrics } from '../metrics/registry';

/**
 * Longest values the events table stores (prisma/schema.prisma). A longer value is a 422 naming
 * the field: it is never truncated into a different order or event name.
 */
export const EVENT_COLUMN_LIMITS = { event_name: 128, order_id: 255 } as const;
const LIMITED_FIELDS = Object.keys(EVENT_COLUMN_LIMITS) as Array<keyof typeof EVENT_COLUMN_LIMITS>;

/**
 * DATETIME(3) holds years 1000–9999 (UTC). A written year of 1001–9998 stays inside whatever
 * its offset, so only the edge years are converted (the check runs for every record).
 */
const storableYear = (iso: string) => {
  const written = Number(iso.slice(0, 4));
  if (written > 1000 && written < 9999 && iso.charCodeAt(4) === 45 /* - */) return true;
  const year = new Date(iso).getUTCFullYear();
  return year >= 1000 && year <= 9999;
};

/** The batch as the OMS posts it, with the contract's rules on empty batches and the column limits. */
export const ingestRequestSchema = omsBatchSchema
  .superRefine((batch, ctx) => {
    if (batch.data.length === 0 && !batch.error) {
      ctx.addIssue({
        code: 'too_small',
        origin: 'array',
        minimum: 1,
        inclusive: true,
        path: ['data'],
        message: 'List should have at least 1 item when error is empty',
      });
    }
    batch.data.forEach((record, index) => {
      for (const field of LIMITED_FIELDS) {
        const maximum = EVENT_COLUMN_LIMITS[field];
        const value = String(record[field]);
        if (value.length > maximum) {
          ctx.addIssue({
            code: 'too_big',
            origin: 'string',
            maximum,
            inclusive: true,
            path: ['data', index, field],
            message: `String should have at most ${maximum} characters`,
          });
        }
      }
      const json = storableJsonProblem(record);
      if (json) {
        ctx.addIssue({ code: 'custom', path: ['data', index, ...json.path], message: json.message });
      }
      if (!storableYear(record.event_time)) {
        ctx.addIssue({
          code: 'custom',
          path: ['data', index, 'event_time'],
          message: 'event_time must be between the years 1000 and 9999',
        });
      }
    });
  })
  .meta({
    id: 'OmsBatch',
    description:
      'The OMS batch. Records may carry any extra keys, which are kept. 1 to 500 records (none only with a non-empty `error`).',
    example: {
      count: 1,
      data: [
        {
          storefront_id: 'bosley',
          event_name: 'consult_started',
          event_time: '2026-01-15T09:58:12Z',
          order_id: 2025020100003333,
          event_id: 'consult-2025020100003333',
          session_id: 'sess_456',
          utm_source: 'google',
          email: 'buyer@example.com',
        },
      ],
      error: '',
    },
  });

/** `ingestBatch()`'s answer (ingest/ingest-batch.ts). */
export const ingestResultSchema = z
  .strictObject({
    accepted: z.number().int(),
    rejected: z.number().int(),
    event_ids: z
      .array(z.string())
      .meta({ description: "The accepted records' `order_id` strings, in order" }),
    ids: z.array(z.number().int()).meta({
      description: "Relay's ids of the accepted records, in the same order (GET /admin/v1/events/{id})",
    }),
    errors: z.array(
      z.strictObject({
        event_id: z
          .string()
          .meta({ description: "The record's `event_id` when it has one, else its `order_id`" }),
        index: z.number().int().meta({ description: 'Position of the record in `data`' }),
        error: z.string(),
      }),
    ),
  })
  .meta({
    id: 'IngestResult',
    example: {
      accepted: 1,
      rejected: 1,
      event_ids: ['2025020100003333'],
      ids: [1],
      errors: [{ event_id: '2025020100003334', index: 1, error: "Storefront 'acme' not found" }],
    },
  });

const ingestRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['ingestion'],
  summary: 'Ingest an OMS batch',
  description:
    'Records are judged one by one: unknown or disabled storefronts and duplicates (key: `event_id`, else storefront, event name and order id) are listed in `errors`, the rest accepted. The 202 is sent once the batch is committed.',
  request: { body: jsonBody(ingestRequestSchema) },
  responses: {
    202: json(ingestResultSchema, 'Stored: the accepted records and, per refused record, why'),
    ...payloadTooLargeResponse,
    ...invalid,
    ...databaseUnavailableResponse,
  },
});

/**
 * The batch as JSON, before any field is checked: a declared or streamed body over MAX_BODY_BYTES
 * (http/body-limit.ts) or more than MAX_BATCH_RECORDS records is a 413. Big numeric order ids are
 * kept as written; surrogates and depth are checked per record (ingest/storable-json.ts).
 */
async function readBatch(c: Context, config: RelayConfig): Promise<unknown> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > config.MAX_BODY_BYTES) {
    throw new HttpProblem(413, 'PAYLOAD_TOO_LARGE', `Request body over ${config.MAX_BODY_BYTES} bytes`);
  }
  const json = await readJsonBody(c, { surrogates: false, depth: false });
  const records = (json as { data?: unknown })?.data;
  if (Array.isArray(records) && records.length > config.MAX_BATCH_RECORDS) {
    throw new HttpProblem(
      413,
      'PAYLOAD_TOO_LARGE',
      `A batch may hold at most ${config.MAX_BATCH_RECORDS} records`,
      {
        records: records.length,
      },
    );
  }
  return json;
}

/** `POST /v1/events`: validate the batch, then store it (see ingestBatch). */
export function eventRoutes(db: Db, config: RelayConfig, metrics?: Metrics) {
  const app = openApiRouter();
  defineRoute(
    app,
    ingestRoute,
    async (c, { body }) => {
      const result: z.input<typeof ingestResultSchema> = await ingestBatch(db, body, c.var.requestId ?? null);
      metrics?.eventsIngested(result.accepted, result.rejected);
      return c.json(result, 202);
    },
    { readBody: (c) => readBatch(c, config) },
  );
  return app;
}
