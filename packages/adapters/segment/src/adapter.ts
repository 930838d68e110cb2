import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { check } from './check';
import { segmentErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { SEGMENT_HOSTS, credentialsSchema, optionsSchema } from './schemas';
import { SEGMENT_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'segment',
  name: 'Segment',
  tier: 2,
  category: 'cdp',
  authType: 'basic',
  docsUrl: 'https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/',
  apiVersion: SEGMENT_API_VERSION,
  baseUrl: SEGMENT_HOSTS.us,
  description: 'Track calls into a Segment HTTP API source through POST /v1/batch (US or EU workspace).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { write_key: 'AbCdEf0123456789GhIjKl0123456789', region: 'us' },
  secretFields: ['write_key'],
  // 500 kB per batch, 32 kB per event (checked per event when building).
  batch: { maxEvents: 500, maxBytes: 500_000 },
  rateLimit: { requestsPerSecond: 20, concurrency: 4 },
  deduplication: {
    key: "`messageId` (Relay's event id), about 99% of repeats",
    window: 'about 24 h',
    source: 'twilio.com/docs/segment/guides/duplicate-data',
  },
  events: eventMapping,
  // Segment takes historical timestamps: no age window.
  check,
  buildRequests,
  parseResponse,
  errors: segmentErrors,
});
