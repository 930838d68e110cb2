import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { taboolaErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { TABOOLA_S2S_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'taboola',
  name: 'Taboola S2S Conversions',
  tier: 2,
  category: 'advertising',
  authType: 'none',
  docsUrl: 'https://developers.taboola.com/pixel/docs/bulk-submit-s2s-conversions',
  apiVersion: TABOOLA_S2S_VERSION,
  baseUrl: 'https://trc.taboola.com',
  description:
    'Click-attributed conversions to a Taboola account through the bulk S2S endpoint POST /{account-id}/log/3/bulk-s2s-action (no authentication; events need the Taboola click id).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { account_id: '1234567' },
  secretFields: [],
  // ≤ 1,000 conversions per bulk request (Taboola's guideline). No byte limit, rate limit or
  // event-age limit is documented (attribution windows are set per conversion rule).
  batch: { maxEvents: 1000 },
  deduplication: 'not documented',
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: taboolaErrors,
});
