import { omsBatchSchema } from '@relay/core';
import { Hono } from 'hono';

import type { RelayConfig } from '../config';
import type { Db } from '../db/client';
import { ingestBatch } from '../ingest/ingest-batch';
import { HttpProblem, RequestValidationError } from '../http/problems';
import type { RelayMetrics as Metrics } from '../metrics/registry';

/** The batch as the OMS posts it, with the contract's rules on empty batches. */
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
});

/** `POST /v1/events`: validate the batch, then store it (see ingestBatch). */
export function eventRoutes(db: Db, config: RelayConfig, metrics?: Metrics) {
  const app = new Hono();
  app.post('/', async (c) => {
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > config.MAX_BODY_BYTES) {
      throw new HttpProblem(413, 'PAYLOAD_TOO_LARGE', `Request body over ${config.MAX_BODY_BYTES} bytes`);
    }
    const text = await c.req.text();
    if (Buffer.byteLength(text) > config.MAX_BODY_BYTES) {
      throw new HttpProblem(413, 'PAYLOAD_TOO_LARGE', `Request body over ${config.MAX_BODY_BYTES} bytes`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new RequestValidationError([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }]);
    }
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
    const result = await ingestBatch(db, parsed.data);
    metrics?.eventsIngested(result.accepted, result.rejected);
    return c.json(result, 202);
  });
  return app;
}
