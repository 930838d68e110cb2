import { defineAdapter } from '@relay/core';
import { auth } from './auth';
import { buildRequests, check } from './build-requests';
import { linkedinErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { LINKEDIN_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'linkedin_capi',
  name: 'LinkedIn Conversions API',
  tier: 1,
  category: 'advertising',
  authType: 'oauth2',
  docsUrl: 'https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads-reporting/conversions-api',
  apiVersion: LINKEDIN_VERSION,
  baseUrl: 'https://api.linkedin.com',
  description:
    'Conversions to LinkedIn conversion rules through POST /rest/conversionEvents (BATCH_CREATE), OAuth 2.0.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    client_id: '86example1client',
    client_secret: 'example-linkedin-client-secret',
    refresh_token: 'AQexample-linkedin-refresh-token-0123456789',
    ad_account_id: '512345678',
    conversion_rule_ids: { purchase: '104012345', lead: '104012346', sign_up: '104012347' },
  },
  secretFields: ['client_secret', 'refresh_token'],
  // ≤ 5000 elements per BATCH_CREATE (peer); 600 requests/min per application (3rd-party doc).
  // BATCH_CREATE fails as a whole (422 naming `Index: N`) for one invalid element.
  batch: { maxEvents: 5000, maxBytes: 5_000_000, atomic: true },
  rateLimit: { requestsPerSecond: 10, concurrency: 2 },
  deduplication: {
    key: "`eventId` (Relay's event id)",
    source: 'learn.microsoft.com/linkedin/marketing/integrations/ads-reporting/conversions-api',
  },
  events: eventMapping,
  // conversionHappenedAt must be within the last 90 days.
  maxEventAgeMs: 90 * 86_400_000,
  auth,
  check,
  buildRequests,
  parseResponse,
  errors: linkedinErrors,
});
