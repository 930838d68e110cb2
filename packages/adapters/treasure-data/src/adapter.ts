import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { treasureDataErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { TD_HOSTS, credentialsSchema, optionsSchema } from './schemas';
import { TD_INGEST_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'treasure_data',
  name: 'Treasure Data',
  tier: 3,
  category: 'cdp',
  authType: 'api_key',
  docsUrl:
    'https://docs.treasuredata.com/products/customer-data-platform/integration-hub/streaming/importing-table-records-using-the-data-ingestion-api',
  apiVersion: TD_INGEST_API_VERSION,
  baseUrl: TD_HOSTS.us01,
  description:
    'Rows of an existing table through the Data Ingestion API, POST https://{region}.records.in.treasuredata.com/{database}/{table} with a write-only key.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    write_key: '1234/0123456789abcdef0123456789abcdef01234567',
    region: 'us01',
    database: 'relay_events',
    table: 'oms_events',
  },
  secretFields: ['write_key'],
  // Ingest API: 1-500 records and at most 5 MB per batch (1 MB per record, refused in check).
  batch: { maxEvents: 500, maxBytes: 5_000_000 },
  // "We do not throttle access at the moment": a modest pace of our own.
  rateLimit: { requestsPerSecond: 10, concurrency: 4 },
  deduplication: 'none',
  events: eventMapping,
  // The Ingest API documents no age limit for `time` (the legacy Postback API ignores > 7 days): no window.
  check,
  buildRequests,
  parseResponse: (response, _events, ctx) => parseResponse(response, ctx.credentials, ctx.now),
  errors: treasureDataErrors,
});
