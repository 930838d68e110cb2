import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { kochavaErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';

export const adapter = defineAdapter({
  code: 'kochava',
  name: 'Kochava',
  tier: 3,
  category: 'attribution',
  authType: 'none',
  docsUrl: 'https://support.kochava.com/server-to-server-integration/post-install-event-setup/',
  apiVersion: 'track-json',
  baseUrl: 'https://control.kochava.com',
  description:
    'Post-install app events to Kochava through POST /track/json (App GUID in the body, no authentication), one event per request, attributed through the device ids the OMS sends (idfa, idfv, adid/aaid, android_id).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { kochava_app_id: 'koexample-app-5f1b2c3d4e' },
  secretFields: [],
  // One event per request, as Kochava documents; no rate limit, byte limit or event-age limit is
  // published, so none is enforced.
  batch: { maxEvents: 1 },
  deduplication: 'not documented',
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: kochavaErrors,
});
