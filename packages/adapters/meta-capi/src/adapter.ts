import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { GRAPH_API_VERSION } from './version';

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

export const adapter = defineAdapter({
  code: 'meta_capi',
  name: 'Meta Conversions API',
  tier: 1,
  category: 'advertising',
  authType: 'bearer',
  docsUrl: 'https://developers.facebook.com/documentation/ads-commerce/conversions-api',
  apiVersion: GRAPH_API_VERSION,
  baseUrl: 'https://graph.facebook.com',
  description: 'Server events to a Meta Pixel / dataset through the Graph API /{pixel_id}/events edge.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    pixel_id: '123456789012345',
    access_token: 'EAAGexampleSystemUserToken0123456789abcdef',
  },
  secretFields: ['access_token'],
  batch: { maxEvents: 1000 },
  rateLimit: { concurrency: 4 },
  events: eventMapping,
  maxEventAgeMs: SEVEN_DAYS_MS,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
});
