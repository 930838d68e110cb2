import { omsBatchSchema } from '@relay/core';
import { Hono } from 'hono';

import type { RelayConfig } from '../config';
import type { Db } from '../db/client';
import { ingestBatch } from '../ingest/ingest-batch';
import { storableJsonProblem } from '../ingest/storable-json';
import { HttpProblem, RequestValidationError } from '../http/problems';
import { readJsonBody } from '../http/validate';
import type { RelayMetrics as Metrics } from '../metrics/registry';

/**
 * Longest values the events table stores (prisma/schema.prisma). A longer value is a 422 naming
 * the field: it is never truncated into a different order or event name.
 */
export const EVENT_COLUMN_LIMITS = { event_name: 128, order_id: 255 } as const;

/** DATETIME(3) holds years 1000–9999. */
const storableYear = (iso: string) => {
  const year = new Date(iso).getUTCFullYear();
  return year >= 1000 && year <= 9999;
};

/** The batch as the OMS posts it, with the contract's rules on empty batches and the column limits. */
export const ingestRequestSchema = omsBatchSchema.superRefine((batch, ctx) => {
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
    for (const [field, maximum] of Object.entries(EVENT_COLUMN_LIMITS)) {
      const value = String(record[field as keyof typeof EVENT_COLUMN_LIMITS]);
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
});

/** `POST /v1/events`: validate the batch, then store it (see ingestBatch). */
export function eventRoutes(db: Db, config: RelayConfig, metrics?: Metrics) {
  const app = new Hono();
  app.post('/', async (c) => {
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > config.MAX_BODY_BYTES) {
      throw new HttpProblem(413, 'PAYLOAD_TOO_LARGE', `Request body over ${config.MAX_BODY_BYTES} bytes`);
    }
    // Content type checked, body cut at MAX_BODY_BYTES while streaming (http/body-limit.ts),
    // big numeric order ids kept as written (records are checked by ingest/storable-json.ts).
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
    const parsed = ingestRequestSchema.safeParse(json);
    if (!parsed.success) throw RequestValidationError.fromZod(parsed.error, 'body');
    const result = await ingestBatch(db, parsed.data, c.var.requestId ?? null);
    metrics?.eventsIngested(result.accepted, result.rejected);
    return c.json(result, 202);
  });
  return app;
}
