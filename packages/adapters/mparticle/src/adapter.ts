import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { check } from './check';
import { mparticleErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { MPARTICLE_PODS, credentialsSchema, optionsSchema } from './schemas';
import { MPARTICLE_EVENTS_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'mparticle',
  name: 'mParticle',
  tier: 3,
  category: 'cdp',
  authType: 'basic',
  docsUrl: 'https://docs.mparticle.com/developers/server/http/',
  apiVersion: MPARTICLE_EVENTS_API_VERSION,
  baseUrl: MPARTICLE_PODS.us1,
  description:
    'Commerce, screen view and custom events into an mParticle server-to-server input through POST /v2/bulkevents (pods US1, US2, EU1, AU1).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    api_key: 'us2-0123456789abcdef0123456789abcdef',
    api_secret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz01',
  },
  secretFields: ['api_key', 'api_secret'],
  // /v2/bulkevents takes at most 100 batches (one event each here), each ≤ 128 kB (checked per event).
  batch: { maxEvents: 100 },
  // mParticle publishes per-account provisioned limits (429 with Retry-After beyond them), no fixed rate.
  rateLimit: { requestsPerSecond: 20, concurrency: 4 },
  deduplication: 'not documented',
  events: eventMapping,
  // The 30-day limit of /v2/bulkevents is applied when building (older events may go to the historical endpoint).
  check,
  buildRequests,
  parseResponse,
  errors: mparticleErrors,
});
