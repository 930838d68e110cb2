import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { criteoErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { CRITEO_S2S_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'criteo',
  name: 'Criteo Events API',
  tier: 2,
  category: 'advertising',
  authType: 'none',
  docsUrl: 'https://guides.criteotilt.com/onetag/s2s/',
  apiVersion: CRITEO_S2S_VERSION,
  baseUrl: 'https://widget.criteo.com',
  description:
    'OneTag website events server-to-server (POST /m/event?version=s2s_v0): sales, checkouts, add-to-carts and page views, identified by GUM id, hashed email or visitor id.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { partner_id: '12345', caller_id: '70' },
  // No authentication: the partner id and caller id travel in the body and are not secrets.
  secretFields: [],
  // The body holds one user and page context: one event per request.
  batch: { maxEvents: 1 },
  // No published rate limit: a modest default.
  rateLimit: { requestsPerSecond: 20, concurrency: 4 },
  deduplication: {
    key: 'order `id` on trackTransaction (the order id; purchases only)',
    source: 'guides.criteotilt.com/onetag/s2s/',
  },
  events: eventMapping,
  // Criteo asks for real-time or near-real-time sending but documents no hard window.
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: criteoErrors,
});
