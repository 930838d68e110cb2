import { defineAdapter } from '@relay/core';
import { DEFAULT_BASE_URL, buildRequests } from './build-requests';
import { sgtmErrors } from './error-map';
import { eventMapping } from './event-map';
import { GA4_MAX_EVENTS } from './ga4-client';
import { parseResponse } from './parse-response';
import { type SgtmCredentials, type SgtmOptions, credentialsSchema, optionsSchema } from './schemas';

/**
 * Server-side Google Tag Manager: events go to the storefront's tagging server, either as
 * GA4 Measurement Protocol (the container's GA4/MP client) or as JSON to a custom client.
 */
export const adapter = defineAdapter<SgtmCredentials, SgtmOptions>({
  code: 'sgtm',
  name: 'Server-side Google Tag Manager',
  tier: 1,
  category: 'tag_manager',
  authType: 'api_key',
  docsUrl: 'https://developers.google.com/tag-platform/tag-manager/server-side',
  apiVersion: 'ga4-mp',
  baseUrl: DEFAULT_BASE_URL,
  description:
    "Delivers events to a storefront's server-side GTM container: GA4 Measurement Protocol to /mp/collect, or JSON to a custom client path.",
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: {
    sgtm_url: 'https://sgtm.example.com',
    client_type: 'ga4',
    measurement_id: 'G-TEST123456',
    api_secret: 'example-api-secret-123456',
  },
  secretFields: ['api_secret', 'custom_headers'],
  batch: { maxEvents: GA4_MAX_EVENTS, maxBytes: 130_000 },
  deduplication: 'not documented',
  events: eventMapping,
  errors: sgtmErrors,
  buildRequests,
  parseResponse,
});
