import type { OpenAPIHono } from '@hono/zod-openapi';
import { withAccessControl } from './openapi-access';

export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

const INFO = {
  title: 'Relay API',
  description:
    'Server-side conversion relay: OMS batch ingestion and admin API (drop-in for the Marketing Events Relay service).',
};

/**
 * The OpenAPI 3.1 document of `app`, generated from its route definitions (`defineRoute`,
 * src/http/openapi-route.ts): every path, schema and example comes from the definitions the
 * requests are validated with; nothing is described by hand. Access (roles, 401/403/429/503)
 * comes from the rules the middleware applies (src/http/openapi-access.ts).
 */
export function openApiDocument(version: string, app: OpenAPIHono): OpenApiDocument {
  const generated = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { ...INFO, version },
    security: [{ basic: [] }],
  });
  return withAccessControl({
    ...generated,
    components: { ...generated.components, securitySchemes: { basic: { type: 'http', scheme: 'basic' } } },
  });
}
