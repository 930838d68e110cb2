import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { check } from './check';
import { redditErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { REDDIT_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'reddit_capi',
  name: 'Reddit Conversions API',
  tier: 2,
  category: 'advertising',
  authType: 'bearer',
  docsUrl: 'https://ads-api.reddit.com/docs/v3/operations/Post%20Conversion%20Events',
  apiVersion: REDDIT_API_VERSION,
  baseUrl: 'https://ads-api.reddit.com',
  description:
    'Web, app and offline conversions to a Reddit pixel through POST /api/v3/pixels/{pixel_id}/conversion_events with a conversion access token.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    pixel_id: 'a2_fxrm3nc6eisf',
    conversion_token: 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImV4YW1wbGUifQ.example-conversion-token',
  },
  secretFields: ['conversion_token'],
  // 1,000 events per request. Rate limits per pixel: 5,000 requests and 250,000 events per
  // minute (CAPI best practices); the adapter declares 80 requests/s and 4 in flight.
  // "There were N invalid conversion events. None were processed.": one bad event refuses the batch.
  batch: { maxEvents: 1000, atomic: true },
  rateLimit: { requestsPerSecond: 80, concurrency: 4 },
  deduplication: {
    key: "`conversion_id` (Relay's event id)",
    source: 'ads-api.reddit.com/docs/v3',
  },
  events: eventMapping,
  // "Events must be sent within seven days after they occur" (event_at < 168 h old).
  maxEventAgeMs: 7 * 24 * 60 * 60 * 1000,
  check,
  buildRequests,
  parseResponse,
  errors: redditErrors,
});
