import { defineAdapter } from '@relay/core';
import { MAX_PAYLOAD_BYTES, buildRequests, check } from './build-requests';
import { appsflyerErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';

export const adapter = defineAdapter({
  code: 'appsflyer',
  name: 'AppsFlyer',
  tier: 3,
  // Mobile measurement partner: "attribution" is the closest category core has.
  category: 'attribution',
  authType: 'api_key',
  docsUrl: 'https://dev.appsflyer.com/hc/reference/s2s-events-api3-overview',
  apiVersion: 'api3',
  baseUrl: 'https://api3.appsflyer.com',
  description:
    'Server-to-server in-app events to AppsFlyer (POST api3.appsflyer.com/inappevent/{app_id} with the S2S key), one event per request, attributed to the app install through the appsflyer_id the OMS sends.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { app_id: 'id123456789', s2s_key: 'example-s2s-key-0123456789' },
  secretFields: ['s2s_key'],
  // One event per request, JSON payload up to 1 KB (AppsFlyer); 60,000 POSTs per minute (legacy doc).
  batch: { maxEvents: 1, maxBytes: MAX_PAYLOAD_BYTES },
  rateLimit: { requestsPerSecond: 1000 },
  deduplication: 'not documented',
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: appsflyerErrors,
});
