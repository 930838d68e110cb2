import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { outbrainErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { OUTBRAIN_ENDPOINT } from './version';

export const adapter = defineAdapter({
  code: 'outbrain',
  name: 'Outbrain (Teads) S2S Conversions',
  tier: 2,
  category: 'advertising',
  authType: 'none',
  docsUrl: 'https://www.outbrain.com/help/advertisers/server2server-integrations/',
  apiVersion: OUTBRAIN_ENDPOINT,
  baseUrl: 'https://tr.outbrain.com',
  description:
    'Click-attributed conversions to Outbrain (Teads) through the S2S call GET /unifiedPixel?ob_click_id=…&name=… (no authentication; events need the Outbrain click id).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {},
  secretFields: [],
  // One conversion per GET; Outbrain documents no batch form, rate limit or event-age limit
  // (each conversion's click-to-conversion window is set in the Outbrain dashboard).
  batch: { maxEvents: 1 },
  deduplication: 'not documented',
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: outbrainErrors,
});
