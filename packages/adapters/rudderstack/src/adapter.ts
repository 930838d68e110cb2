import { defineAdapter } from '@relay/core';
import { DEFAULT_BASE_URL, buildRequests } from './build-requests';
import { check } from './check';
import { rudderstackErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { RUDDERSTACK_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'rudderstack',
  name: 'RudderStack',
  tier: 3,
  category: 'cdp',
  authType: 'basic',
  docsUrl: 'https://www.rudderstack.com/docs/api/http-api/',
  apiVersion: RUDDERSTACK_API_VERSION,
  baseUrl: DEFAULT_BASE_URL,
  description:
    "Track and page calls into a RudderStack source through the HTTP API's POST /v1/batch on the workspace's data plane.",
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    write_key: '1Xk5DChfJAol3xtW7qNnK1apo5p',
    data_plane_url: 'https://acmedataplane.rudderstack.com',
  },
  secretFields: ['write_key'],
  // 4 MB per batch request and 32 KB per message (checked per event); no count limit is documented.
  batch: { maxEvents: 500, maxBytes: 4_000_000 },
  // RudderStack documents a 429 but no request rate for the HTTP API.
  rateLimit: { requestsPerSecond: 20, concurrency: 4 },
  deduplication: {
    key: "`messageId` (Relay's event id), only where the data plane's deduplication is on",
    source: 'rudderstack.com/docs/rudderstack-api/http-api/',
  },
  events: eventMapping,
  // RudderStack takes historical timestamps: no age window.
  check,
  buildRequests,
  parseResponse,
  errors: rudderstackErrors,
});
