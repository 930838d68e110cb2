import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { adjustErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';

export const adapter = defineAdapter({
  code: 'adjust',
  name: 'Adjust',
  tier: 3,
  // Mobile measurement partner: "attribution" is the closest category core has.
  category: 'attribution',
  authType: 'bearer',
  docsUrl: 'https://dev.adjust.com/en/api/s2s-api/events',
  apiVersion: 's2s-event',
  baseUrl: 'https://s2s.adjust.com',
  description:
    'Server-to-server events to Adjust (form-encoded POST s2s.adjust.com/event with s2s=1, the app token and one event token per event name, optional S2S Security Bearer token), one event per request, attributed through the device ids the OMS sends.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    app_token: '4w565xzmb54d',
    event_tokens: { purchase: 'f0ob4r', begin_checkout: 'a1b2c3', lead: 'd4e5f6' },
    environment: 'production',
    s2s_token: 'example-s2s-security-token-0123456789',
  },
  secretFields: ['s2s_token'],
  // One event per request (Adjust has no batch); Adjust refuses requests over 1 MB (413). No rate
  // limit or event-age limit is published, so none is enforced.
  batch: { maxEvents: 1, maxBytes: 1_000_000 },
  deduplication: {
    key: 'only events set as unique in the Adjust dashboard (per device); no event id',
    source: 'dev.adjust.com/en/api/s2s-api/events',
  },
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: adjustErrors,
});
