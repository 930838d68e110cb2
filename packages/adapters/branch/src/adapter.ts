import { defineAdapter } from '@relay/core';
import { buildRequests, check } from './build-requests';
import { branchErrors } from './error-map';
import { eventMapping } from './event-map';
import { parseResponse } from './parse-response';
import { credentialsSchema, optionsSchema } from './schemas';

/** Branch counts an event when it arrives (there is no event-time field) and never backfills. */
export const BRANCH_MAX_EVENT_AGE_MS = 24 * 60 * 60 * 1000;

export const adapter = defineAdapter({
  code: 'branch',
  name: 'Branch',
  tier: 3,
  category: 'attribution',
  authType: 'api_key',
  docsUrl: 'https://help.branch.io/apidocs/logstandardevents',
  apiVersion: 'v2',
  baseUrl: 'https://api2.branch.io',
  description:
    'App events to Branch through the v2 Events API (POST /v2/event/standard or /v2/event/custom, Branch Key in the body), one event per request, attributed through the device ids the OMS sends (idfa, idfv, aaid, android_id); real-time only.',
  credentials: credentialsSchema,
  options: optionsSchema,
  credentialsExample: { branch_key: 'key_live_kaFuWw8WvY7yn1d9yYiP8gokwqjV0Swt' },
  secretFields: ['branch_key'],
  // One event per request: the Events API takes a single event and has no batch endpoint.
  // Rate limits are not published.
  batch: { maxEvents: 1 },
  deduplication: 'not documented',
  maxEventAgeMs: BRANCH_MAX_EVENT_AGE_MS,
  events: eventMapping,
  check,
  buildRequests,
  parseResponse: (response, events, ctx) => parseResponse(response, events, ctx.now),
  errors: branchErrors,
});
