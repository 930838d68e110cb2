import { z } from 'zod';
import {
  auditQuery,
  eventSearchQuery,
  failureGroupQuery,
  failureGroupReplay,
  statsQuery,
} from '../routes/operator-views';

/** Query parameters of a GET, generated from its zod validator. */
function queryParameters(s: z.ZodObject) {
  const json = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { description?: string }>;
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', schema }));
}

const ok = (description: string) => ({ description, content: { 'application/json': {} } });
const invalid = { description: 'Invalid query or body: `{detail: [{loc, msg, type}]}` naming the field' };

/** OpenAPI paths of the operator views (docs/api.md describes their answers in full). */
export const operatorViewPaths = {
  '/admin/v1/stats/deliveries': {
    get: {
      tags: ['operator views'],
      summary:
        'Events in, deliveries delivered / failed / retrying per destination over a window, backlog, top failure reasons',
      parameters: queryParameters(statsQuery),
      responses: { '200': ok('Delivery statistics'), '422': invalid },
    },
  },
  '/admin/v1/event-search': {
    get: {
      tags: ['operator views'],
      summary:
        'Search events (newest first, cursor pagination) by storefront, name, order, status, time and delivery',
      parameters: queryParameters(eventSearchQuery),
      responses: { '200': ok('`{items, next_cursor}`'), '422': invalid },
    },
  },
  '/admin/v1/failure-groups': {
    get: {
      tags: ['operator views'],
      summary: 'Failed deliveries grouped by destination and reason',
      parameters: queryParameters(failureGroupQuery),
      responses: { '200': ok('`{items}`'), '422': invalid },
    },
  },
  '/admin/v1/failure-groups/replay': {
    post: {
      tags: ['operator views'],
      summary: 'Replay every failed delivery of one group',
      requestBody: {
        content: {
          'application/json': {
            schema: z.toJSONSchema(failureGroupReplay, { io: 'input', unrepresentable: 'any' }),
          },
        },
      },
      responses: { '200': ok('`{replayed}`'), '422': invalid },
    },
  },
  '/admin/v1/kill-switches': {
    get: {
      tags: ['operator views'],
      summary:
        'Every kill switch (storefront → sGTM / platform / credential) with the deliveries waiting behind it',
      responses: { '200': ok('`{platforms, storefronts}`') },
    },
  },
  '/admin/v1/platform-catalog': {
    get: {
      tags: ['operator views'],
      summary: 'Platforms with tier, status, API version, docs link, credential schema and secret fields',
      responses: { '200': ok('`{items}`') },
    },
  },
  '/admin/v1/audit-log': {
    get: {
      tags: ['operator views'],
      summary: 'Admin changes, newest first: who, when, what, before → after (secrets masked)',
      parameters: queryParameters(auditQuery),
      responses: { '200': ok('`{items, next_cursor}`'), '422': invalid },
    },
  },
};
