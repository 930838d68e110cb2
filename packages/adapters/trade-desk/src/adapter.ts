import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { tradeDeskErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { TTD_ENDPOINT } from './version';

export const adapter = defineAdapter({
  code: 'trade_desk',
  name: 'The Trade Desk Real-Time Conversions',
  tier: 2,
  category: 'advertising',
  authType: 'none',
  docsUrl: 'https://partner.thetradedesk.com/v3/portal/data/doc/DataConversionEventsApi',
  apiVersion: TTD_ENDPOINT,
  baseUrl: 'https://insight.adsrvr.org',
  description:
    'Conversion events to The Trade Desk through POST /track/realtimeconversion (advertiser and event tracker ids in the body, no authentication), attributed through TTD advertising ids (TDID, UID2, EUID, RampID, device ids) or the IP address.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { advertiser_id: 'abc12de', tracker_id: 'hc7ihke' },
  secretFields: [],
  // The body's `data` is an array, but TTD documents no batch size (its docs are behind a login)
  // and peers send one event per request; so does Relay. No rate limit or age limit is documented.
  batch: { maxEvents: 1 },
  deduplication: 'not documented',
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: tradeDeskErrors,
});
