import { defineAdapter } from '@relay/core';
import { auth } from './auth';
import { buildRequests, check } from './build-requests';
import { amazonErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { REGIONS, credentialsSchema, optionsSchema } from './schemas';
import { AMAZON_ADS_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'amazon_ads',
  name: 'Amazon Ads Conversions API',
  tier: 2,
  category: 'advertising',
  authType: 'oauth2',
  docsUrl: 'https://advertising.amazon.com/API/docs/en-us/guides/events/events',
  apiVersion: AMAZON_ADS_API_VERSION,
  baseUrl: REGIONS.NA.apiHost,
  description:
    'Server-to-server conversion events (Events API) to an Amazon Ads advertiser account through POST /adsApi/v1/create/events, Login with Amazon OAuth 2.0.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    client_id: 'amzn1.application-oa2-client.0123456789abcdef0123456789abcdef',
    client_secret: 'amzn1.oa2-cs.v1.example-client-secret-0123456789',
    refresh_token: 'Atzr|IwEBIexample-refresh-token-0123456789',
    account_id: '582021954301234567',
    region: 'NA',
  },
  secretFields: ['client_secret', 'refresh_token'],
  // CreateEventRequest.events: 1..500 items. No byte limit is documented (413 exists): 1 MB is our cap.
  batch: { maxEvents: 500, maxBytes: 1_000_000 },
  // Amazon throttles dynamically (429 + Retry-After) and publishes no fixed rate: a modest default.
  rateLimit: { requestsPerSecond: 10, concurrency: 2 },
  deduplication: {
    key: "`eventId` (Relay's event id): for one id only the latest event is processed",
    source: 'advertising.amazon.com/API/docs/en-us/guides/events/events',
  },
  events: eventMapping,
  // No documented age limit for eventTime; maxEventAgeMs stays undefined.
  auth,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: amazonErrors,
});
