import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { adrollErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { ADROLL_API } from './version';

export const adapter = defineAdapter({
  code: 'adroll',
  name: 'AdRoll',
  tier: 3,
  category: 'advertising',
  authType: 'api_key',
  docsUrl: 'https://apidocs.nextroll.com/server-to-server-api/reference.html',
  apiVersion: ADROLL_API,
  baseUrl: 'https://srv.adroll.com',
  description:
    'Conversions and site events to AdRoll (NextRoll) through the Server-to-Server Event API, POST /api?advertisable=<EID>.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    advertisable_eid: 'WYJD6WNIAJC2XG6PT7UK4B',
    pixel_eid: 'QZ4D3KXN5FHB7JRMP2TS6A',
    server_access_token: 'sat_example_0123456789abcdef',
  },
  secretFields: ['server_access_token'],
  // "Please limit it to no more than one hundred events" per request.
  batch: { maxEvents: 100 },
  // No S2S rate limit is published; a modest lane per credential.
  rateLimit: { requestsPerSecond: 5, concurrency: 2 },
  deduplication: 'not documented',
  events: eventMapping,
  // No event-age limit is published (timestamp defaults to now when absent).
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: adrollErrors,
});
