import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { mixpanelErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { MIXPANEL_HOSTS, credentialsSchema, optionsSchema } from './schemas';
import { MIXPANEL_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'mixpanel',
  name: 'Mixpanel',
  tier: 2,
  category: 'analytics',
  authType: 'basic',
  docsUrl: 'https://developer.mixpanel.com/reference/import-events',
  apiVersion: MIXPANEL_API_VERSION,
  baseUrl: MIXPANEL_HOSTS.us,
  description: 'Server-side events into a Mixpanel project through POST /import?strict=1 (service account).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    project_id: '3141592',
    service_account_username: 'relay.3f9c2a.mp-service-account',
    service_account_secret: 'Qm9ndXNTZWNyZXRGb3JUZXN0c09ubHkx',
    region: 'us',
  },
  secretFields: ['service_account_secret'],
  // /import: ≤ 2000 events per request; 10 MB uncompressed per current docs, 2 MB per older
  // pages: Relay stays under the stricter 2 MB.
  batch: { maxEvents: 2000, maxBytes: 2_000_000 },
  // ~2 GB/min per project; a few requests in flight are plenty for Relay's volumes.
  rateLimit: { requestsPerSecond: 10, concurrency: 4 },
  deduplication: {
    key: "`$insert_id` (from Relay's event id) + event name + `distinct_id` + time",
    source: 'mixpanel/docs openapi/src/ingestion.openapi.yaml',
  },
  events: eventMapping,
  // /import accepts historical events (any time after 1971, ≤ 1 h ahead): no age window.
  buildRequests,
  parseResponse,
  errors: mixpanelErrors,
});
