import { baseOptionsSchema, defineAdapter, hashEmail, outcomeFromStatus, sameOutcome } from '@relay/core';
import { z } from 'zod';
import { testAdapterConformance } from './conformance';

/** A minimal, well-behaved adapter: proves the kit passes a correct adapter. */
const echoAdapter = defineAdapter({
  code: 'kit_example',
  name: 'Kit Example',
  tier: 3,
  category: 'analytics',
  authType: 'api_key',
  docsUrl: 'https://example.com/docs',
  apiVersion: '1',
  baseUrl: 'https://api.example.com',
  credentials: z.strictObject({ api_key: z.string().min(8), account_id: z.string().min(1) }),
  options: baseOptionsSchema,
  credentialsExample: { api_key: 'secret-key-123456', account_id: 'acct_1' },
  secretFields: ['api_key'],
  batch: { maxEvents: 5, maxBytes: 100_000 },
  events: { standard: { purchase: 'Purchase', lead: 'Lead' }, custom: 'skip' },
  buildRequests: (events, ctx) => [
    {
      method: 'POST' as const,
      url: `${ctx.baseUrl}/v1/accounts/${ctx.credentials.account_id}/events`,
      headers: { authorization: `Bearer ${ctx.credentials.api_key}`, 'content-type': 'application/json' },
      body: {
        events: events.map((e) => ({
          name: e.name,
          em: hashEmail(e.event.user.email),
          id: e.event.dedupKey,
        })),
      },
      eventIndexes: events.map((_, i) => i),
    },
  ],
  parseResponse: (response, events, ctx) =>
    sameOutcome(outcomeFromStatus(response, 'Kit Example', ctx.now), events.length),
});

testAdapterConformance(echoAdapter);
