import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { spotifyErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { SPOTIFY_CAPI } from './version';

export const adapter = defineAdapter({
  code: 'spotify_ads',
  name: 'Spotify Ads',
  tier: 3,
  category: 'advertising',
  authType: 'bearer',
  docsUrl:
    'https://github.com/spotify/ads-agentic-tools/blob/main/skills/measurement-setup/references/implementation-guide.md',
  apiVersion: SPOTIFY_CAPI,
  baseUrl: 'https://capi.spotify.com',
  description:
    "Web, app and offline conversions to Spotify's Conversions API (CAPI direct) through POST /capi-direct/events/.",
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    connection_id: '3f2b8c1e-7d4a-4e9b-a1c6-5e8f0d2b9a47',
    access_token: 'spcapi_example_access_token_0123456789abcdef',
  },
  secretFields: ['access_token'],
  // Spotify documents no batch limit for `events`; 100 per request keeps a refused request small (medium confidence).
  batch: { maxEvents: 100 },
  // No rate limit is published; a modest lane per credential.
  rateLimit: { requestsPerSecond: 10, concurrency: 2 },
  deduplication: {
    key: "`event_id` (Relay's event id)",
    source: 'docs.dataflysignal.com/integrations/advertising/spotify-ads (third party)',
  },
  events: eventMapping,
  // No event-age limit is published (event_time must be in the past).
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: spotifyErrors,
});
