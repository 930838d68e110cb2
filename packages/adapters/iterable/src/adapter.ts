import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { iterableErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { ITERABLE_API } from './version';

export const adapter = defineAdapter({
  code: 'iterable',
  name: 'Iterable',
  tier: 3,
  category: 'marketing',
  authType: 'api_key',
  docsUrl: 'https://api.iterable.com/api/docs',
  apiVersion: ITERABLE_API,
  baseUrl: 'https://api.iterable.com',
  description: 'Custom events to Iterable through POST /api/events/trackBulk, idempotent on the event id.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { api_key: 'example0iterable0server0side0key0123456789', data_center: 'us' },
  secretFields: ['api_key'],
  // trackBulk: ≤ 4 MB (about 1000 events), 10 requests per second per project.
  batch: { maxEvents: 1000, maxBytes: 4_000_000 },
  rateLimit: { requestsPerSecond: 10, concurrency: 2 },
  deduplication: {
    key: "event `id` (Relay's event id): a repeat updates the event",
    source: 'api.iterable.com/api/docs',
  },
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: iterableErrors,
});
