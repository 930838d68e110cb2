import { defineAdapter } from '@relay/core';
import { sfmcErrors } from './error-map';
import { auth } from './auth';
import { SFMC_DEFAULT_BASE_URL, buildRequests } from './build-requests';
import { check } from './check';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { SFMC_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'salesforce',
  name: 'Salesforce Marketing Cloud',
  tier: 3,
  category: 'marketing',
  authType: 'oauth2',
  docsUrl: 'https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/how-to-fire-an-event.html',
  apiVersion: SFMC_API_VERSION,
  baseUrl: SFMC_DEFAULT_BASE_URL,
  description:
    'Journey Builder API entry events (POST /interaction/v1/events) or data extension row upserts (POST /hub/v1/dataevents/key:{key}/rowset), with a client-credentials token of a Server-to-Server API Integration.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    subdomain: 'mc563885gzs27c5t9-63k636ttgm',
    client_id: 'ft7kz0hxq2b9c4n1w8e3m5rj',
    client_secret: 'ExampleClientSecret0123456789ab',
    account_id: '514009708',
  },
  secretFields: ['client_secret'],
  // Rowset: "as a best practice, update or insert a maximum of 50 columns and 50 records at a
  // time". Journey events go one per request (buildRequests splits them). A rowset saves the rows
  // before the first bad one and refuses the rest with one 400 naming no row: all-or-nothing for
  // Relay, so core isolates the bad row (re-sending saved rows is an idempotent upsert).
  batch: { maxEvents: 50, atomic: true },
  errors: sfmcErrors,
  // Marketing Cloud publishes no per-second limit (API calls are an edition allotment): modest.
  rateLimit: { requestsPerSecond: 10, concurrency: 4 },
  deduplication: {
    key: "data extension primary key (Relay's event id): rows are upserted",
    source: 'Marketing Cloud REST API data extension rowsets (primary key upsert), via peer code',
  },
  events: eventMapping,
  // No age limit: a journey or data extension takes events of any date.
  auth,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
});
