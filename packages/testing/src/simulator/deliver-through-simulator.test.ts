import { defineAdapter, deliver, outcomeFromStatus, sameOutcome } from '@relay/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleEvent } from '../fixtures';
import { type Simulator, startSimulator } from './server';

/** A Meta-shaped adapter whose default base URL is the real Graph API host. */
const graphLike = defineAdapter({
  code: 'graph_like',
  name: 'Graph Like',
  tier: 3,
  category: 'advertising',
  authType: 'bearer',
  docsUrl: 'https://example.com/docs',
  apiVersion: 'v25.0',
  baseUrl: 'https://graph.facebook.com',
  credentials: z.strictObject({ pixel_id: z.string(), access_token: z.string() }),
  credentialsExample: { pixel_id: '123456', access_token: 'token-123456' },
  secretFields: ['access_token'],
  batch: { maxEvents: 10 },
  events: { standard: { purchase: 'Purchase' }, custom: 'skip' },
  buildRequests: (events, ctx) => [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/v25.0/${ctx.credentials.pixel_id}/events`,
      headers: {
        authorization: `Bearer ${ctx.credentials.access_token}`,
        'content-type': 'application/json',
      },
      body: { data: events.map((e) => ({ event_name: e.name, event_id: e.event.dedupKey })) },
      eventIndexes: events.map((_, i) => i),
    },
  ],
  parseResponse: (response, events, ctx) => {
    const error = (response.json as { error?: { message?: string } } | undefined)?.error;
    return sameOutcome(outcomeFromStatus(response, 'Graph Like', ctx.now, error?.message), events.length);
  },
});

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const send = () =>
  deliver(graphLike, [sampleEvent('purchase_completed', 1)], {
    credentials: graphLike.credentialsExample,
    baseUrl: `${sim.url}/meta_capi`,
    retries: 2,
    minRetryDelayMs: 1,
    sleep: async () => {},
  });

describe('deliver() against the simulator', () => {
  it('500, 500, 200: the event arrives on the third attempt', async () => {
    sim.script('meta_capi', [500, 500, 200]);
    const { results, attempts } = await send();
    expect(results[0]!.outcome).toEqual({ status: 'delivered' });
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(sim.receivedBy('meta_capi').map((r) => [r.path, r.json])).toEqual(
      Array.from({ length: 3 }, () => [
        '/v25.0/123456/events',
        { data: [{ event_name: 'Purchase', event_id: 'bosley:purchase_completed:ORD-0001' }] },
      ]),
    );
  });

  it('400 fails at once with the platform reason', async () => {
    sim.script('meta_capi', [{ status: 400, message: 'Invalid parameter: event_time too old' }]);
    const { results } = await send();
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'Graph Like rejected the request (400): Invalid parameter: event_time too old',
    });
    expect(sim.received).toHaveLength(1);
  });

  it('429 comes back retryable with the Retry-After wait', async () => {
    sim.script('meta_capi', [{ status: 429, retryAfter: 120 }]);
    const { results } = await send();
    expect(results[0]!.outcome).toMatchObject({ status: 'retryable', retryAfterMs: 120_000 });
  });

  it('a reset connection is retried', async () => {
    sim.script('meta_capi', ['reset']);
    const { results, attempts } = await send();
    expect(results[0]!.outcome).toEqual({ status: 'delivered' });
    expect(attempts.map((a) => a.status ?? 'network')).toEqual(['network', 200]);
  });
});
