import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { brazeErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { BRAZE_DEFAULT_ENDPOINT, credentialsSchema, optionsSchema } from './schemas';
import { BRAZE_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'braze',
  name: 'Braze',
  tier: 2,
  category: 'marketing',
  authType: 'bearer',
  docsUrl: 'https://www.braze.com/docs/api/endpoints/user_data/post_user_track/',
  apiVersion: BRAZE_API_VERSION,
  baseUrl: BRAZE_DEFAULT_ENDPOINT,
  description: 'Custom and recommended e-commerce events on Braze users through POST /users/track.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    rest_endpoint: 'https://rest.iad-01.braze.com',
    api_key: '0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  },
  secretFields: ['api_key'],
  // 75 objects per request across events, purchases and attributes (Relay sends events only).
  batch: { maxEvents: 75, maxBytes: 4_000_000 },
  // 3,000 requests per 3 seconds per workspace, shared with every other users/track caller.
  rateLimit: { requestsPerSecond: 100, concurrency: 8 },
  deduplication: 'not documented',
  events: eventMapping,
  // Braze documents no age limit for event `time`: no window.
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: brazeErrors,
});
