import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { tiktokErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { TIKTOK_API_VERSION } from './version';

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

export const adapter = defineAdapter({
  code: 'tiktok_events',
  name: 'TikTok Events API',
  tier: 1,
  category: 'advertising',
  authType: 'api_key',
  docsUrl: 'https://business-api.tiktok.com/portal/docs?id=1771100865818625',
  apiVersion: TIKTOK_API_VERSION,
  baseUrl: 'https://business-api.tiktok.com',
  description: 'Web events to a TikTok pixel through Events API 2.0 (`/open_api/v1.3/event/track/`).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    pixel_code: 'CEXAMPLE0PIXEL0CODE01',
    access_token: 'example0tiktok0events0api0token0123456789',
  },
  secretFields: ['access_token'],
  batch: { maxEvents: 1000 },
  rateLimit: { concurrency: 4 },
  deduplication: {
    key: "`event` + `event_id` (Relay's event id)",
    window: '48 h',
    source: 'ads.tiktok.com/help/article/event-deduplication',
  },
  events: eventMapping,
  maxEventAgeMs: SEVEN_DAYS_MS,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: tiktokErrors,
});
