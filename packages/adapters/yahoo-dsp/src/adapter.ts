import { defineAdapter } from '@relay/core';
import { auth } from './auth';
import { YAHOO_HOSTS, buildRequests, check } from './build-requests';
import { yahooErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { YAHOO_CAPI_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'yahoo_dsp',
  name: 'Yahoo DSP Conversion API',
  tier: 3,
  category: 'advertising',
  authType: 'oauth2',
  docsUrl: 'https://help.yahooinc.com/dsp-api/docs/standard-yahoo-conversion-api',
  apiVersion: YAHOO_CAPI_VERSION,
  baseUrl: YAHOO_HOSTS.batch,
  description:
    'Conversions to a dedicated Yahoo DSP pixel through the Standard Yahoo Conversion API (POST /v1/events/{pixelId}, batch or streaming host), OAuth 2.0 client credentials with a JWT client assertion.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    pixel_id: '10000123',
    client_id: '197031e8-1546-410f-84e3-cd6c38dbcec0',
    client_secret: 'ExampleYahooClientSecret0123456789',
  },
  secretFields: ['client_secret'],
  // No per-request event limit is documented; the documented ceiling is 10 MB/s and 200 requests/s
  // (3p), so requests stay at 1 MB and 1000 events.
  batch: { maxEvents: 1000, maxBytes: 1_000_000 },
  rateLimit: { requestsPerSecond: 10, concurrency: 4 },
  deduplication: {
    key: "`eventId` (Relay's event id)",
    source: 'help.yahooinc.com/dsp-api/docs/standard-yahoo-conversion-api',
  },
  events: eventMapping,
  // Yahoo documents no age limit for eventTs: no window.
  auth,
  check,
  buildRequests,
  parseResponse: (response, _events, ctx) => parseResponse(response, ctx.credentials.pixel_id, ctx.now),
  errors: yahooErrors,
});
