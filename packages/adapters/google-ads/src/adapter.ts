import { defineAdapter } from '@relay/core';
import { auth } from './auth';
import { buildRequests } from './build-requests';
import { check } from './check';
import { DATA_MANAGER_BASE_URL, DATA_MANAGER_MAX_EVENTS } from './data-manager';
import { googleStatusErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';

export const adapter = defineAdapter({
  code: 'google_ads',
  name: 'Google Ads',
  tier: 1,
  category: 'advertising',
  authType: 'oauth2',
  docsUrl: 'https://developers.google.com/data-manager/api/devguides/events/google-ads/offline',
  apiVersion: 'v1',
  baseUrl: DATA_MANAGER_BASE_URL,
  description:
    'Offline / click conversions to Google Ads through the Data Manager API (events:ingest), or the Google Ads API uploadClickConversions for accounts that still use it.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    client_id: '1234567890-abc123def456.apps.googleusercontent.com',
    client_secret: 'GOCSPX-example-client-secret',
    refresh_token: '1//0example-refresh-token-abcdef',
    customer_id: '123-456-7890',
    conversion_action_id: '987654321',
  },
  secretFields: ['client_secret', 'refresh_token', 'developer_token'],
  // Data Manager and uploadClickConversions both take at most 2000 events per request.
  // One batch spec for two APIs: `atomic` is Data Manager's (the default API fails fast: one
  // invalid event fails the request and nothing is ingested, so the events it does not name are
  // collateral and core resends them at once). The Ads API's requests say `atomic: false`
  // (build-requests.ts): with partialFailure Google executes the valid rows and names the others.
  batch: { maxEvents: DATA_MANAGER_MAX_EVENTS, atomic: true },
  // No published per-second limit; quotas are per day per developer token / project.
  rateLimit: { concurrency: 2 },
  deduplication: {
    key: '`transactionId` / `orderId` (the order id), once per conversion action',
    source: 'developers.google.com/google-ads/api/docs/conversions/upload-offline',
  },
  events: eventMapping,
  auth,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) =>
    parseResponse(response, events, ctx.options.api, ctx.options.validateOnly, ctx.now),
  errors: googleStatusErrors,
});
