import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { check } from './check';
import { xErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { X_ADS_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'twitter_capi',
  name: 'X Conversions API',
  tier: 1,
  category: 'advertising',
  authType: 'oauth1',
  docsUrl: 'https://docs.x.com/x-ads-api/measurement/web-conversions',
  apiVersion: X_ADS_API_VERSION,
  baseUrl: 'https://ads-api.x.com',
  description:
    'Web conversions to X (Twitter) Ads through POST /12/measurement/conversions/{pixel_id}, OAuth 1.0a signed.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    pixel_id: 'o8z6j',
    consumer_key: 'xvz1evFS4wEEPTGEFPHBog',
    consumer_secret: 'example-consumer-secret-0123456789abcdef',
    access_token: '370773112-exampleUserAccessToken0123456789',
    access_token_secret: 'example-access-token-secret-0123456789',
    event_ids: { purchase: 'tw-o8z6j-o87ne', lead: 'tw-o8z6j-o87nf', sign_up: 'tw-o8z6j-o87ng' },
  },
  secretFields: ['consumer_secret', 'access_token', 'access_token_secret'],
  // ≤ 500 conversions per request; 100,000 requests per 15 minutes per ad account (≈ 111/s).
  batch: { maxEvents: 500 },
  rateLimit: { requestsPerSecond: 100, concurrency: 4 },
  deduplication: {
    key: "`conversion_id` (Relay's event id)",
    source: 'developer.x.com/en/docs/x-ads-api/measurement/web-conversions/conversions',
  },
  events: eventMapping,
  check,
  buildRequests,
  parseResponse,
  errors: xErrors,
});
