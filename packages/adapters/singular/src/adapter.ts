import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { singularErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';

export const adapter = defineAdapter({
  code: 'singular',
  name: 'Singular',
  tier: 3,
  category: 'attribution',
  authType: 'api_key',
  docsUrl: 'https://support.singular.net/hc/en-us/articles/31496864868635',
  apiVersion: 'v1',
  baseUrl: 'https://s2s.singular.net',
  description:
    'App events to Singular through the S2S EVENT endpoint (GET /api/v1/evt, SDK key in the query `a`), one event per request, attributed through the iOS/Android device ids the OMS sends.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    sdk_key: 'example_org_sh868sdjv',
    ios_bundle_id: 'com.example.app',
    android_package_name: 'com.example.app',
  },
  secretFields: ['sdk_key'],
  // One event per request ("no batch support"); no rate limit or age limit is published.
  batch: { maxEvents: 1 },
  deduplication: 'none',
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: singularErrors,
});
