import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { STACKADAPT_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'stackadapt',
  name: 'StackAdapt',
  tier: 3,
  category: 'advertising',
  authType: 'none',
  docsUrl:
    'https://documentation.freshpaint.io/integrations/destinations/advertising-destinations/stackadapt',
  apiVersion: STACKADAPT_API_VERSION,
  baseUrl: 'https://tags.srv.stackadapt.com',
  description:
    'Click-through conversions to StackAdapt Conversion Events through the conversion pixel, called server-side (GET /conv?cid=…&sapid=…), one event per request.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    conversion_ids: { purchase: 'sqHQa3Ob1hiF2EcY3VZg1', lead: 'Lx7Pq2Rt9Vw3Yz5Ab8Cd0' },
  },
  // Conversion Event ids identify, they do not authenticate: nothing secret.
  secretFields: [],
  // The pixel takes one conversion per call.
  batch: { maxEvents: 1 },
  // No published limit; a browser-scale pixel, called politely.
  rateLimit: { requestsPerSecond: 20, concurrency: 4 },
  deduplication: 'not documented',
  events: eventMapping,
  // The pixel carries no event time (StackAdapt dates the conversion on arrival): no window.
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
});
