import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { amplitudeErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { AMPLITUDE_HOSTS, credentialsSchema, optionsSchema } from './schemas';
import { AMPLITUDE_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'amplitude',
  name: 'Amplitude',
  tier: 2,
  category: 'analytics',
  authType: 'api_key',
  docsUrl: 'https://amplitude.com/docs/apis/analytics/http-v2',
  apiVersion: AMPLITUDE_API_VERSION,
  baseUrl: AMPLITUDE_HOSTS.us,
  description: 'Server-side events into an Amplitude project through the HTTP V2 API (US or EU data center).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { api_key: '0123456789abcdef0123456789abcdef', region: 'us' },
  secretFields: ['api_key'],
  // ≤ 2000 events and < 1 MB per request (413 otherwise). All-or-nothing: a 400 listing invalid
  // events ingests none of the request, so core resends the others at once (parse-response.ts);
  // a 400 naming none is halved by core until the bad events are alone.
  batch: { maxEvents: 2000, maxBytes: 1_000_000, atomic: true },
  // 30 events/s per user or device is the binding limit; keep requests modest.
  rateLimit: { requestsPerSecond: 10, concurrency: 4 },
  deduplication: {
    key: "`insert_id` (Relay's event id)",
    window: '7 days',
    source: 'amplitude.com/docs/apis/analytics/http-v2',
  },
  events: eventMapping,
  // HTTP V2 documents no age limit for `time`: no window.
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: amplitudeErrors,
});
