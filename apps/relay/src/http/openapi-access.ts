import { findRouteRule } from '../auth/roles';
import type { OpenApiDocument } from './openapi';

/**
 * What the document says about access, from the same rules the middleware applies: the role each
 * admin operation needs (`auth/roles.ts`, as `x-relay-role` and in its description) and the
 * answers every authenticated route may give before its handler runs: 401 (auth/middleware.ts),
 * 403 (role too weak), 429 (failed-login limit, with `Retry-After`) and 503 (database down,
 * `Retry-After`). A route's own definition of one of these codes is kept.
 */
export function withAccessControl(document: OpenApiDocument): OpenApiDocument {
  const paths = document.paths ?? {};
  for (const [path, item] of Object.entries(paths)) {
    const area = path.startsWith('/admin/') ? 'admin' : path.startsWith('/v1/') ? 'ingest' : undefined;
    if (!area || !item) continue;
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      operation.responses = { ...operation.responses };
      for (const [code, response] of Object.entries(accessResponses(area)))
        operation.responses[code] ??= response;
      if (area === 'admin') {
        const rule = findRouteRule(method.toUpperCase(), path.replaceAll(/\{(.+?)\}/g, ':$1'));
        const role = rule?.role ?? 'admin';
        operation['x-relay-role'] = role;
        const extra = [
          rule?.killSwitch && `${rule.killSwitch} when the body is only \`{"is_active": …}\``,
          rule?.decrypt && `${rule.decrypt} with \`?decrypt=true\``,
        ].filter(Boolean);
        const note = `Role: ${role}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}.`;
        operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
      }
    }
  }
  return document;
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

interface Operation {
  description?: string;
  responses?: Record<string, unknown>;
  [extension: `x-${string}`]: unknown;
}

const problem = { $ref: '#/components/schemas/Problem' };
const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
};

function accessResponses(area: 'admin' | 'ingest'): Record<string, unknown> {
  return {
    401: {
      description:
        'Missing or wrong credentials: `{detail: "Invalid authentication credentials"}`, with a Basic challenge unless the request carries `X-Relay-Client: console`',
      content: {
        'application/json': {
          schema: { type: 'object', properties: { detail: { type: 'string' } }, required: ['detail'] },
        },
      },
    },
    ...(area === 'admin' && {
      403: {
        description:
          'The account\'s role is below the operation\'s: `{error_code: "FORBIDDEN", details: {required_role, role}}`',
        content: { 'application/json': { schema: problem } },
      },
    }),
    429: {
      description:
        'Too many failed logins from this address for this username: `{error_code: "TOO_MANY_FAILED_LOGINS"}`; valid credentials are never throttled',
      headers: retryAfter,
      content: { 'application/json': { schema: problem } },
    },
    503: {
      description:
        'The database is unavailable, nothing was stored: `{error_code: "DATABASE_UNAVAILABLE", …}` with `Retry-After`',
      headers: retryAfter,
      content: { 'application/json': { schema: problem } },
    },
  };
}
