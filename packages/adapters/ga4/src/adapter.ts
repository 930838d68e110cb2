import { defineAdapter } from '@relay/core';
import { GA4_BASE_URL, buildRequests } from './build-requests';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';

export const adapter = defineAdapter({
  code: 'ga4',
  name: 'Google Analytics 4',
  tier: 1,
  category: 'analytics',
  authType: 'api_key',
  docsUrl: 'https://developers.google.com/analytics/devguides/collection/protocol/ga4',
  apiVersion: 'mp',
  baseUrl: GA4_BASE_URL,
  description: 'GA4 Measurement Protocol (web streams), with optional validation against /debug/mp/collect.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { measurement_id: 'G-ABC123XYZ9', api_secret: 'example-mp-api-secret-1234' },
  secretFields: ['api_secret'],
  // 25 events per request, post body under 130 kB (Measurement Protocol limits).
  batch: { maxEvents: 25, maxBytes: 130_000 },
  deduplication: {
    key: '`transaction_id` (the order id): `purchase` events of the same user, web streams only',
    source: 'developers.google.com/analytics/devguides/collection/protocol/ga4/sending-events',
  },
  // GA4 accepts events backdated up to 72 hours.
  maxEventAgeMs: 72 * 3_600_000,
  events: eventMapping,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.options.validate, ctx.now),
});
