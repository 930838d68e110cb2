import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { intercomErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { INTERCOM_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'intercom',
  name: 'Intercom Data Events',
  tier: 3,
  category: 'marketing',
  authType: 'bearer',
  docsUrl: 'https://developers.intercom.com/docs/references/rest-api/api.intercom.io/data-events',
  apiVersion: INTERCOM_API_VERSION,
  baseUrl: 'https://api.intercom.io',
  description: "Events on an Intercom user's timeline through POST /events (one event per request).",
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { access_token: 'dG9rOmV4YW1wbGUtaW50ZXJjb20tdG9rZW4=', region: 'us' },
  secretFields: ['access_token'],
  // No batch endpoint; 10,000 calls per minute per app, enforced in 10-second windows (≈ 166/s).
  batch: { maxEvents: 1 },
  rateLimit: { requestsPerSecond: 150, concurrency: 8 },
  deduplication: {
    key: 'user + `event_name` + `created_at` (the event time, to the second)',
    source: 'developers.intercom.com/docs/references/1.2/rest-api/data-events/event-de-duplication',
  },
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: intercomErrors,
});
