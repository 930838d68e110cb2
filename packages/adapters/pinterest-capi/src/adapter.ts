import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { check } from './check';
import { pinterestErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { PINTEREST_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'pinterest_capi',
  name: 'Pinterest Conversions API',
  tier: 1,
  category: 'advertising',
  authType: 'bearer',
  docsUrl: 'https://developers.pinterest.com/docs/api-features/conversion-overview/',
  apiVersion: PINTEREST_API_VERSION,
  baseUrl: 'https://api.pinterest.com',
  description:
    'Web, app and offline conversions to a Pinterest ad account through POST /v5/ad_accounts/{id}/events.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    ad_account_id: '549755885175',
    conversion_token: 'pina_AEAexampleConversionToken0123456789abcdef',
  },
  secretFields: ['conversion_token'],
  // ConversionEvents.data: 1..1000 items; 5,000 calls per minute per ad account (≈ 83/s).
  batch: { maxEvents: 1000 },
  rateLimit: { requestsPerSecond: 80, concurrency: 4 },
  deduplication: {
    key: "`event_id` (Relay's event id); offline events are not deduplicated",
    source: 'pinterest/api-description v5/openapi.yaml (events/create)',
  },
  events: eventMapping,
  // Pinterest documents no hard age limit (events > 1 h old are treated as offline by peers).
  check,
  buildRequests,
  parseResponse,
  errors: pinterestErrors,
});
