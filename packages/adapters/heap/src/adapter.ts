import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { HEAP_API } from './version';

export const adapter = defineAdapter({
  code: 'heap',
  name: 'Heap',
  tier: 3,
  category: 'analytics',
  authType: 'none',
  docsUrl: 'https://developers.heap.io/reference/track-1',
  apiVersion: HEAP_API,
  baseUrl: 'https://heapanalytics.com',
  description: 'Server-side events to Heap through the bulk form of POST /api/track.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { app_id: '1234567890', region: 'us' },
  secretFields: [],
  // Bulk track: ≤ 1000 events per request; 15,000 events per minute per app_id.
  batch: { maxEvents: 1000 },
  rateLimit: { requestsPerSecond: 4, concurrency: 2 },
  deduplication: {
    key: "`idempotency_key` (Relay's event id)",
    source: 'developers.heap.io/reference/track-1',
  },
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
});
