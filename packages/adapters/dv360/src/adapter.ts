import { defineAdapter } from '@relay/core';
import { auth } from './auth';
import { buildRequests, check } from './build-requests';
import { googleApiErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { CM360_API_VERSION } from './version';

const DAY_MS = 24 * 60 * 60 * 1000;

export const adapter = defineAdapter({
  code: 'dv360',
  name: 'Display & Video 360 (Floodlight via CM360)',
  tier: 2,
  category: 'advertising',
  authType: 'oauth2',
  docsUrl: 'https://developers.google.com/doubleclick-advertisers/guides/conversions_upload',
  apiVersion: CM360_API_VERSION,
  baseUrl: 'https://dfareporting.googleapis.com',
  description:
    'Offline Floodlight conversions for DV360 through the Campaign Manager 360 API conversions.batchinsert (OAuth2).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    profile_id: '1234567',
    floodlight_configuration_id: '12345',
    floodlight_activity_id: '67890',
    client_id: '1234567890-abcdefghijklmnop.apps.googleusercontent.com',
    client_secret: 'GOCSPX-exampleClientSecret01',
    refresh_token: '1//0gExampleRefreshToken-abcdefghijklmnop',
  },
  secretFields: ['client_secret', 'refresh_token'],
  // batchinsert: ≤ 1000 conversions per request.
  batch: { maxEvents: 1000 },
  rateLimit: { requestsPerSecond: 5, concurrency: 2 },
  deduplication: {
    key: "`ordinal` (Relay's event id) for the same activity, user and conversion date",
    source: 'developers.google.com/doubleclick-advertisers/guides/conversions_faq',
  },
  events: eventMapping,
  // CM360 refuses conversions whose timestamp is more than 28 days old.
  maxEventAgeMs: 28 * DAY_MS,
  auth,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: googleApiErrors,
});
