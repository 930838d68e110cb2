import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { json } from './openapi-schemas';

/** The routes that need no login: health, readiness, metrics and this document (served in app.ts). */

const tags = ['health'];

export const healthSchema = z
  .strictObject({
    status: z.literal('healthy'),
    version: z.string(),
    environment: z.enum(['development', 'test', 'production']).meta({ description: '`RELAY_ENV`' }),
  })
  .meta({ id: 'Health', example: { status: 'healthy', version: '0.1.0', environment: 'production' } });

export const readinessSchema = z
  .strictObject({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['healthy', 'unhealthy']),
    ready: z.boolean(),
    checks: z.strictObject({ database: z.enum(['ok', 'unreachable']) }),
  })
  .meta({
    id: 'Readiness',
    example: { status: 'ready', database: 'healthy', ready: true, checks: { database: 'ok' } },
  });

/** What `/health/ready` answers: 200 with the first, 503 with the second. */
export const readiness = (databaseAnswers: boolean): z.input<typeof readinessSchema> =>
  databaseAnswers
    ? { status: 'ready', database: 'healthy', ready: true, checks: { database: 'ok' } }
    : { status: 'not_ready', database: 'unhealthy', ready: false, checks: { database: 'unreachable' } };

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags,
  security: [],
  summary: 'Liveness: the process answers',
  responses: { 200: json(healthSchema, 'Alive') },
});

export const readinessRoute = createRoute({
  method: 'get',
  path: '/health/ready',
  tags,
  security: [],
  summary: 'Readiness: the database answers',
  responses: {
    200: json(readinessSchema, 'Ready'),
    503: {
      description: 'Database unreachable',
      content: {
        'application/json': {
          schema: readinessSchema,
          example: readiness(false),
        },
      },
    },
  },
});

export const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags,
  security: [],
  summary: 'Prometheus metrics (docs/operations.md)',
  responses: {
    200: {
      description: 'The Prometheus text exposition format',
      content: {
        'text/plain': {
          schema: z.string(),
          example:
            '# HELP relay_events_ingested_total OMS records accepted or rejected at ingest\n# TYPE relay_events_ingested_total counter\nrelay_events_ingested_total{result="accepted"} 1\n',
        },
      },
    },
  },
});

export const openApiRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['documentation'],
  security: [],
  summary: 'This OpenAPI 3.1 document, generated from the route definitions',
  responses: {
    200: json(
      z.looseObject({
        openapi: z.literal('3.1.0'),
        info: z.looseObject({ title: z.string(), version: z.string() }),
        paths: z.record(z.string(), z.unknown()),
      }),
      'OpenAPI 3.1 document',
    ),
  },
});
