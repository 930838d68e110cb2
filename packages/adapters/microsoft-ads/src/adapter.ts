import { defineAdapter } from '@relay/core';
import { auth } from './auth';
import { buildRequests } from './build-requests';
import { check } from './check';
import { uetErrors } from './error-map';
import { eventMapping } from './event-map';
import { UET_CAPI_BASE_URL } from './offline-conversions';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { CAMPAIGN_MANAGEMENT_VERSION, UET_CAPI_VERSION } from './version';

/** Offline conversions may be up to 90 days after the click; UET CAPI's 7 days are enforced when building. */
const NINETY_DAYS_MS = 90 * 24 * 60 * 60 * 1000;

export const adapter = defineAdapter({
  code: 'microsoft_ads',
  name: 'Microsoft Advertising',
  tier: 1,
  category: 'advertising',
  authType: 'bearer',
  docsUrl: 'https://learn.microsoft.com/en-us/advertising/guides/uet-conversion-api-integration',
  apiVersion: `UET CAPI ${UET_CAPI_VERSION}; Campaign Management ${CAMPAIGN_MANAGEMENT_VERSION}`,
  baseUrl: UET_CAPI_BASE_URL,
  description:
    'Server-side UET events (Conversions API, tag token) or, behind options.api, offline conversions through ApplyOfflineConversions with OAuth.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    uet_tag_id: '343012345',
    capi_token: 'f3b6c2d1-0a9e-4c7b-8d21-5e6f7a8b9c0d',
  },
  secretFields: ['capi_token', 'refresh_token', 'client_secret', 'developer_token'],
  // UET CAPI: "maximum number of events per batch upload is 1,000"; ApplyOfflineConversions: 1,000.
  // Byte limit not documented; 1 MB is the limit Tealium's connector uses.
  batch: { maxEvents: 1000, maxBytes: 1_000_000 },
  rateLimit: { concurrency: 4 },
  deduplication: {
    key: "`eventId` (Relay's event id); offline: `MicrosoftClickId` + `ConversionName` + `ConversionTime`",
    source:
      'learn.microsoft.com/en-us/advertising/guides/uet-conversion-api-integration; stape.io (eventId, third party)',
  },
  events: eventMapping,
  maxEventAgeMs: NINETY_DAYS_MS,
  auth,
  check,
  buildRequests,
  parseResponse,
  // Two APIs, two tables: `errors` is the default API's (UET); the offline conversions run of the
  // conformance kit walks `bingErrors` (adapter.test.ts).
  errors: uetErrors,
});
