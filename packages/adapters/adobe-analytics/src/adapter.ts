import { defineAdapter } from '@relay/core';
import { auth } from './auth';
import { buildRequests, check } from './build-requests';
import { edgeErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';
import { EDGE_API_VERSION } from './version';

export const adapter = defineAdapter({
  code: 'adobe_analytics',
  name: 'Adobe Analytics (Edge Network Server API)',
  tier: 2,
  category: 'analytics',
  authType: 'oauth2',
  docsUrl: 'https://developer.adobe.com/data-collection-apis/docs/api/',
  apiVersion: EDGE_API_VERSION,
  baseUrl: 'https://server.adobedc.net',
  description:
    'XDM experience events to a datastream (Adobe Analytics service) through the authenticated Edge Network Server API /ee/v2/collect or /ee/v2/interact.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    datastream_id: '0f7c9a52-3c1e-4b2a-9d55-1a2b3c4d5e6f',
    ims_org_id: '0123456789ABCDEF01234567@AdobeOrg',
    client_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    client_secret: 'p8e-ExampleClientSecret0123456789',
    scopes: 'openid,AdobeID,additional_info.projectedProductContext',
  },
  secretFields: ['client_secret'],
  // 64 kB per request (Edge guardrail); events are small, so 50 per batch stays well under it.
  batch: { maxEvents: 50, maxBytes: 64_000 },
  // Guardrails: 4000 (interact) / 6000 (collect) request units of 8 kB per second per org.
  rateLimit: { requestsPerSecond: 50, concurrency: 8 },
  deduplication: {
    key: '`purchaseID` (the order id; purchases only)',
    source: 'Adobe Analytics implementation docs: purchaseID (experienceleague.adobe.com)',
  },
  events: eventMapping,
  // No age limit documented for timestamped Edge hits: no window.
  auth,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: edgeErrors,
});
