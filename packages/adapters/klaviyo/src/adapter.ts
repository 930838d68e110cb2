import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { klaviyoErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { KLAVIYO_REVISION } from './version';

export const adapter = defineAdapter({
  code: 'klaviyo',
  name: 'Klaviyo',
  tier: 2,
  category: 'marketing',
  authType: 'api_key',
  docsUrl: 'https://developers.klaviyo.com/en/reference/create_event',
  apiVersion: KLAVIYO_REVISION,
  baseUrl: 'https://a.klaviyo.com',
  description: 'Events (metrics) on Klaviyo profiles through POST /api/events (JSON:API, revision header).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { private_api_key: 'pk_0123456789abcdef0123456789abcdef01' },
  secretFields: ['private_api_key'],
  // create_event takes one event per request; payload ≤ 5 MB.
  batch: { maxEvents: 1, maxBytes: 5_000_000 },
  // create_event: burst 350/s, steady 3500/min (≈ 58/s) per account.
  rateLimit: { requestsPerSecond: 50, concurrency: 10 },
  deduplication: {
    key: "`unique_id` (Relay's event id) per profile and metric",
    source: 'klaviyo/openapi (Create Event: unique_id)',
  },
  events: eventMapping,
  // Klaviyo accepts any time after 1990 (≤ 1 year ahead): no age window.
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: klaviyoErrors,
});
