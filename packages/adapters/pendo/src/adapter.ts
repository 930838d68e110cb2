import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { eventMapping } from './event-map';
import { pendoErrors } from './error-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { PENDO_API } from './version';

export const adapter = defineAdapter({
  code: 'pendo',
  name: 'Pendo',
  tier: 3,
  category: 'analytics',
  authType: 'api_key',
  docsUrl: 'https://support.pendo.io/hc/en-us/articles/360032294291-Track-Events-Configuration',
  apiVersion: PENDO_API,
  baseUrl: 'https://app.pendo.io',
  description: 'Server-side Track Events to a Pendo app through POST /data/track (one event per request).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { track_event_secret: 'pendo-track-secret-0123456789abcdef', region: 'us' },
  secretFields: ['track_event_secret'],
  // One Track Event per request (no batch form is documented).
  batch: { maxEvents: 1 },
  // Pendo publishes no request rate; its older docs limit one Track Event per visitor per second.
  rateLimit: { requestsPerSecond: 20, concurrency: 4 },
  deduplication: 'not documented',
  events: eventMapping,
  // Medium confidence: Pendo's older Track Events docs say events dated more than 7 days back are not processed.
  maxEventAgeMs: 7 * 86_400_000,
  check,
  buildRequests,
  parseResponse,
  errors: pendoErrors,
});
