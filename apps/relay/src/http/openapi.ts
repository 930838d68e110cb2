import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ingestRequestSchema } from '../routes/events';
import { replaySchema } from '../routes/events-admin';
import { previewSchema } from '../routes/preview';
import { operatorViewPaths } from './openapi-operator';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

const json = (ref: string) => ({
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const ok = (description: string) => ({ description, content: { 'application/json': {} } });
const errors = {
  '401': { description: 'Missing or wrong Basic credentials' },
  '404': { description: 'Unknown id: `{error_code: "NOT_FOUND", message, details}`' },
  '422': { description: 'Invalid body: `{detail: [{loc, msg, type}]}` naming the field' },
};

export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

const INFO = {
  title: 'Relay API',
  description:
    'Server-side conversion relay: OMS batch ingestion and admin API (drop-in for the Marketing Events Relay service).',
};

/**
 * The OpenAPI 3.1 document of `app`: the routes defined with `defineRoute` (src/http/openapi-route.ts)
 * are generated from their definitions; the routes not converted yet are still described by hand below.
 */
export function openApiDocument(version: string, app: OpenAPIHono): OpenApiDocument {
  const generated = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { ...INFO, version },
    security: [{ basic: [] }],
  });
  // The hand-written part is plain JSON; it goes away as the routes are converted.
  const manual = handWrittenDocument() as unknown as Required<Pick<OpenApiDocument, 'paths' | 'components'>>;
  return {
    ...generated,
    paths: { ...manual.paths, ...generated.paths },
    components: {
      ...generated.components,
      securitySchemes: manual.components.securitySchemes,
      schemas: { ...manual.components.schemas, ...generated.components?.schemas },
    },
  };
}

function handWrittenDocument() {
  return {
    paths: {
      '/health': {
        get: {
          tags: ['health'],
          security: [],
          summary: 'Liveness',
          responses: { '200': ok('`{status, version, environment}`') },
        },
      },
      '/health/ready': {
        get: {
          tags: ['health'],
          security: [],
          summary: 'Readiness (database)',
          responses: { '200': ok('Ready'), '503': ok('Database unreachable') },
        },
      },
      '/v1/events': {
        post: {
          tags: ['ingestion'],
          summary: 'Ingest an OMS batch',
          requestBody: json('OmsBatch'),
          responses: {
            '202': ok(
              "`{accepted, rejected, event_ids (the accepted records' order_id strings), ids (Relay's event ids), errors: [{event_id, index, error}]}`",
            ),
            '413': { description: 'More than 500 records or a body over 5 MB' },
            ...errors,
          },
        },
      },
      ...Object.fromEntries(
        (['credentials', 'sgtm-configs'] as const).map((tag) => [
          `/admin/v1/${tag}/{id}/preview`,
          {
            post: {
              tags: [tag],
              summary:
                'Preview what this destination would receive for each OMS record under its privacy policy (docs/privacy.md): per record the decision (send / suppress / refuse and why), the exact HTTP requests with secrets masked, and the removed fields. Sends and stores nothing.',
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
              requestBody: json('Preview'),
              responses: {
                '200': ok(
                  '`{results: [{index, decision, reason?, outcome?, platform_event_name, requests: [{method, url, headers, body}], removed_fields, replaced_fields, policy_hash}]}`',
                ),
                ...errors,
              },
            },
          },
        ]),
      ),
      '/admin/v1/events': {
        get: { tags: ['events'], summary: 'List events', responses: { '200': ok('Page of events') } },
      },
      '/admin/v1/events/{id}': {
        get: {
          tags: ['events'],
          summary: 'One event with its deliveries and attempts',
          responses: { '200': ok('Event'), '404': errors['404'] },
        },
      },
      '/admin/v1/events/{id}/replay': {
        post: {
          tags: ['events'],
          summary: 'Replay the failed deliveries of one event',
          responses: { '200': ok('`{replayed}`') },
        },
      },
      '/admin/v1/deliveries/replay': {
        post: {
          tags: ['events'],
          summary: 'Replay failed deliveries of a platform/storefront/time range',
          requestBody: json('Replay'),
          responses: { '200': ok('`{replayed}`'), '422': errors['422'] },
        },
      },
      ...operatorViewPaths,
      '/metrics': {
        get: {
          tags: ['health'],
          security: [],
          summary: 'Prometheus metrics',
          responses: { '200': { description: 'text/plain' } },
        },
      },
    },
    components: {
      securitySchemes: { basic: { type: 'http', scheme: 'basic' } },
      schemas: {
        OmsBatch: schema(ingestRequestSchema),
        Replay: schema(replaySchema),
        Preview: schema(previewSchema),
      },
    },
  };
}
