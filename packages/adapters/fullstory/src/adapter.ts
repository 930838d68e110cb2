import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { fullstoryErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { FULLSTORY_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'fullstory',
  name: 'FullStory Server Events',
  tier: 3,
  category: 'analytics',
  authType: 'api_key',
  docsUrl: 'https://developer.fullstory.com/server/events/create-events/',
  apiVersion: FULLSTORY_API_VERSION,
  baseUrl: 'https://api.fullstory.com',
  description: 'Server events in FullStory through POST /v2/events, idempotent on the dedup key.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { api_key: 'na1.example-fullstory-api-key-0123456789', region: 'na1' },
  secretFields: ['api_key'],
  // The synchronous endpoint takes one event; FullStory answers 429 with Retry-After when busy.
  batch: { maxEvents: 1 },
  rateLimit: { requestsPerSecond: 50, concurrency: 8 },
  deduplication: {
    key: "`Idempotency-Key` header (Relay's event id)",
    source: 'developer.fullstory.com/server/events/create-batch-events-import-job',
  },
  events: eventMapping,
  errors: fullstoryErrors,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
});
