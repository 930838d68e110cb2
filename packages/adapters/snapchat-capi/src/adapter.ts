import { defineAdapter } from '@relay/core';
import { buildRequests } from './build-requests';
import { snapErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { SNAP_CAPI_VERSION } from './version';

/** Snap accepts events up to 37 days old. */
const THIRTY_SEVEN_DAYS_MS = 37 * 24 * 60 * 60 * 1000;

export const adapter = defineAdapter({
  code: 'snapchat_capi',
  name: 'Snapchat Conversions API',
  tier: 1,
  category: 'advertising',
  authType: 'api_key',
  docsUrl: 'https://developers.snap.com/api/marketing-api/Conversions-API/UsingTheAPI',
  apiVersion: SNAP_CAPI_VERSION,
  baseUrl: 'https://tr.snapchat.com',
  description: 'Web and offline events to a Snap Pixel through Conversions API v3 (`/v3/{pixel_id}/events`).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    pixel_id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    access_token: 'example0snap0capi0token0abcdef0123456789',
  },
  secretFields: ['access_token'],
  // All-or-nothing: an `INVALID` answer naming an event (`event: i`) refuses the request; the
  // others are collateral and core sends them again at once (parse-response.ts).
  batch: { maxEvents: 2000, atomic: true },
  rateLimit: { concurrency: 4 },
  deduplication: {
    key: "`event_id` (Relay's event id)",
    source: 'developers.snap.com/api/marketing-api/Conversions-API/Deduplication',
  },
  events: eventMapping,
  maxEventAgeMs: THIRTY_SEVEN_DAYS_MS,
  buildRequests,
  parseResponse,
  errors: snapErrors,
});
