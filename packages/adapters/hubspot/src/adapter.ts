import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { hubspotErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { HUBSPOT_EVENTS_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'hubspot',
  name: 'HubSpot',
  tier: 3,
  // HubSpot is a CRM; core has no `crm` category, `marketing` is the closest.
  category: 'marketing',
  authType: 'bearer',
  docsUrl: 'https://developers.hubspot.com/docs/api-reference/legacy/events/send-event-data/guide',
  apiVersion: HUBSPOT_EVENTS_API_VERSION,
  baseUrl: 'https://api.hubapi.com',
  description:
    'Custom event occurrences on CRM contacts through POST /events/v3/send and /events/v3/send/batch (private app token).',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { access_token: 'pat-na1-11111111-2222-3333-4444-555555555555', portal_id: '1234567' },
  secretFields: ['access_token'],
  // The batch endpoint takes 500 occurrences; HubSpot documents no byte limit. A refused batch gets
  // one error body naming no input: all-or-nothing, so core isolates the refused occurrence.
  batch: { maxEvents: 500, atomic: true },
  // The send endpoints take up to 1,250 requests/s and are exempt from the 10-second and daily API limits.
  rateLimit: { requestsPerSecond: 50, concurrency: 5 },
  deduplication: 'not documented',
  events: eventMapping,
  // occurredAt may be backdated; HubSpot documents no oldest date: no age window.
  check,
  buildRequests,
  parseResponse,
  errors: hubspotErrors,
});
