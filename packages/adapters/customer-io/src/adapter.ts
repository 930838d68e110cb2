import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { customerIoErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { TRACK_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'customer_io',
  name: 'Customer.io',
  tier: 3,
  category: 'marketing',
  authType: 'basic',
  docsUrl: 'https://docs.customer.io/api/track/',
  apiVersion: TRACK_API_VERSION,
  baseUrl: 'https://track.customer.io',
  description: 'Person events to Customer.io through the Track API v2 batch endpoint.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { site_id: 'example-site-id', api_key: 'example-track-api-key-0123', region: 'us' },
  secretFields: ['api_key'],
  // v2 batch ≤ 500 KB (each item ≤ 32 KB); fair use about 100 requests/s for the whole Track API.
  batch: { maxEvents: 100, maxBytes: 500_000 },
  rateLimit: { requestsPerSecond: 50, concurrency: 4 },
  deduplication: {
    key: "event `id` (a ULID made from Relay's event id)",
    source: 'docs.customer.io/api/track/',
  },
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: customerIoErrors,
});
