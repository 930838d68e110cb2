import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { check } from './check';
import { metaErrors } from './error-map';
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
  // Meta rejects the entire request when one event is invalid (parameters/server-event).
  batch: { maxEvents: 1000, atomic: true },
  rateLimit: { concurrency: 4 },
  deduplication: {
    key: "`event_id` + `event_name` (Relay's event id)",
    window: '48 h',
    source: 'developers.facebook.com/docs/marketing-api/conversions-api/deduplicate-pixel-and-server-events',
  },
  events: eventMapping,
  maxEventAgeMs: SEVEN_DAYS_MS,
  check,
  buildRequests,
  parseResponse,
  errors: metaErrors,
});
