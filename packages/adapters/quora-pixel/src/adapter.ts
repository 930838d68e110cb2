import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { quoraErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { QUORA_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'quora_pixel',
  name: 'Quora Conversion API',
  tier: 2,
  category: 'advertising',
  authType: 'bearer',
  docsUrl: 'https://www.quora.com/ads/conversion_api_doc',
  apiVersion: QUORA_API_VERSION,
  baseUrl: 'https://api.quora.com',
  description:
    'Web conversions to a Quora ad account through the batch endpoint POST /ads/v0/conversions with a Conversion API token.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    account_id: '527745581653587',
    api_token: 'qc_exampleConversionApiToken0123456789',
  },
  secretFields: ['api_token'],
  // The batch endpoint takes up to 1,000 conversions. Quora documents no rate limit and no
  // event-age limit (click-through attribution is 28 days by default, view-through 1 day).
  batch: { maxEvents: 1000 },
  deduplication: {
    key: "`conversion.event_id` (Relay's event id)",
    source: 'quora.com/ads/conversion_api_doc',
  },
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.options, ctx.now),
  errors: quoraErrors,
});
