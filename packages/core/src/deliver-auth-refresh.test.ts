import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAdapter, type HttpRequest, type Outcome } from './adapter';
import { deliver, memoryTokenCache } from './deliver';
import { outcomeFromStatus } from './outcomes';
import { toRelayEvent } from './relay-event';

const event = (n: number) =>
  toRelayEvent({
    storefront_id: 'bosley',
    event_name: 'purchase_completed',
    event_time: '2026-01-15T10:00:00Z',
    order_id: `ORD-${n}`,
  });

/** One request per event, so a 401 on one request must not resend the others. */
const oauthAdapter = defineAdapter({
  code: 'oauth_example',
  name: 'OAuth Example',
  tier: 3,
  category: 'advertising',
  authType: 'oauth2',
  docsUrl: 'https://example.com/docs',
  apiVersion: 'v1',
  baseUrl: 'https://api.example.com',
  credentials: z.strictObject({ refresh_token: z.string() }),
  credentialsExample: { refresh_token: 'refresh-token-secret' },
  secretFields: ['refresh_token'],
  batch: { maxEvents: 10 },
  events: { standard: { purchase: 'Purchase' }, custom: 'skip' },
  auth: {
    async getToken(_credentials, ctx) {
      const res = await ctx.fetch('https://auth.example.com/token', { method: 'POST' });
      if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
      const body = (await res.json()) as { access_token: string };
      return { accessToken: body.access_token };
    },
  },
  buildRequests: (events, ctx) =>
    events.map(
      (e, i): HttpRequest => ({
        method: 'POST',
        url: `${ctx.baseUrl}/events/${e.event.orderId}`,
        headers: { authorization: `Bearer ${ctx.accessToken}` },
        body: { id: e.event.dedupKey },
        eventIndexes: [i],
      }),
    ),
  parseResponse: (response, events, ctx) =>
    events.map(() => outcomeFromStatus(response, 'OAuth Example', ctx.now)),
});

function platform(answer: (url: string, token: string | null, tokenCalls: number) => number) {
  const calls: string[] = [];
  let tokenCalls = 0;
  const fetchImpl = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = String(input);
    if (url.endsWith('/token')) {
      tokenCalls += 1;
      const status = answer(url, null, tokenCalls);
      return new Response(JSON.stringify({ access_token: `token-${tokenCalls}` }), { status });
    }
    const token = new Headers(init.headers).get('authorization');
    calls.push(`${url} ${token}`);
    return new Response('{}', { status: answer(url, token, tokenCalls) });
  };
  return { fetch: fetchImpl as typeof fetch, calls, tokenCalls: () => tokenCalls };
}

describe('deliver: OAuth refresh', () => {
  it('refreshes once and resends only the events that failed auth', async () => {
    // ORD-2 is refused with the first token; everything else is accepted.
    const fake = platform((url, token) => (url.endsWith('ORD-2') && token === 'Bearer token-1' ? 401 : 200));
    const report = await deliver(oauthAdapter, [event(1), event(2), event(3)], {
      credentials: { refresh_token: 'refresh-token-secret' },
      fetch: fake.fetch,
      retries: 0,
      tokenCache: memoryTokenCache(),
    });
    expect(report.results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(fake.calls).toEqual([
      'https://api.example.com/events/ORD-1 Bearer token-1',
      'https://api.example.com/events/ORD-2 Bearer token-1',
      'https://api.example.com/events/ORD-3 Bearer token-1',
      'https://api.example.com/events/ORD-2 Bearer token-2',
    ]);
    expect(fake.tokenCalls()).toBe(2);
  });

  it('flags the credential for a person when the refresh itself fails', async () => {
    const fake = platform((url, _token, tokenCalls) =>
      url.endsWith('/token') ? (tokenCalls === 1 ? 200 : 400) : 401,
    );
    const report = await deliver(oauthAdapter, [event(1)], {
      credentials: { refresh_token: 'refresh-token-secret' },
      fetch: fake.fetch,
      retries: 0,
      tokenCache: memoryTokenCache(),
    });
    expect(report.results[0]!.outcome).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'OAuth Example: token endpoint answered 400',
    });
  });

  it('gives up after one refresh when the new token is refused too', async () => {
    const fake = platform((url) => (url.endsWith('/token') ? 200 : 401));
    const report = await deliver(oauthAdapter, [event(1)], {
      credentials: { refresh_token: 'refresh-token-secret' },
      fetch: fake.fetch,
      retries: 0,
      tokenCache: memoryTokenCache(),
    });
    expect(report.results[0]!.outcome.status).toBe('auth');
    expect(fake.calls).toHaveLength(2);
    expect(fake.tokenCalls()).toBe(2);
  });
});

describe('deliver: Retry-After', () => {
  it("applies the response's Retry-After to a retryable outcome from the adapter's own error table", async () => {
    const throttling = defineAdapter({
      ...oauthAdapter,
      code: 'throttle_example',
      auth: undefined,
      parseResponse: (_response, events) =>
        events.map(() => ({ status: 'retryable' as const, reason: 'code 17: throttled' })),
    });
    const fetchImpl = (async () =>
      new Response('{"error":{"code":17}}', {
        status: 400,
        headers: { 'retry-after': '90' },
      })) as unknown as typeof fetch;
    const report = await deliver(throttling, [event(1)], {
      credentials: { refresh_token: 'refresh-token-secret' },
      fetch: fetchImpl,
      retries: 0,
    });
    expect(report.results[0]!.outcome).toEqual({
      status: 'retryable',
      reason: 'code 17: throttled',
      retryAfterMs: 90_000,
    });
  });
});

describe('deliver: a 401 on a platform without a token flow', () => {
  it('asks a person to replace the credential instead of promising a refresh, and sends once', async () => {
    const { auth: _auth, ...rest } = oauthAdapter;
    const staticKey = defineAdapter({ ...rest, code: 'static_key_example', authType: 'api_key' });
    const fake = platform(() => 401);
    const report = await deliver(staticKey, [event(1)], {
      credentials: { refresh_token: 'refresh-token-secret' },
      fetch: fake.fetch,
      tokenCache: memoryTokenCache(),
    });
    expect(report.results.map((r) => r.outcome)).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'OAuth Example rejected the credentials (401): {} (this credential has no refresh flow: replace it)',
      },
    ]);
    expect(fake.calls).toHaveLength(1);
  });
});

describe('deliver: the token endpoint fails', () => {
  it('events the adapter refuses anyway keep their own outcome; only the others wait on the credential', async () => {
    const NO_ORDER_2: Outcome = {
      status: 'rejected',
      code: 'unsupported',
      reason: 'ORD-2 is refused before sending',
    };
    const refusing = defineAdapter({
      ...oauthAdapter,
      code: 'refusing_example',
      buildRequests: (events, ctx) => ({
        requests: events.flatMap((e, i): HttpRequest[] =>
          e.event.orderId === 'ORD-2'
            ? []
            : [
                {
                  method: 'POST',
                  url: `${ctx.baseUrl}/events/${e.event.orderId}`,
                  headers: { authorization: `Bearer ${ctx.accessToken}` },
                  eventIndexes: [i],
                },
              ],
        ),
        outcomes: events.flatMap((e, index) =>
          e.event.orderId === 'ORD-2' ? [{ index, outcome: NO_ORDER_2 }] : [],
        ),
      }),
    });
    const fake = platform((url) => (url.endsWith('/token') ? 400 : 200));
    const report = await deliver(refusing, [event(1), event(2)], {
      credentials: { refresh_token: 'refresh-token-secret' },
      fetch: fake.fetch,
      tokenCache: memoryTokenCache(),
    });
    expect(report.results.map((r) => r.outcome)).toEqual([
      { status: 'auth', kind: 'needs-attention', reason: 'OAuth Example: token endpoint answered 400' },
      NO_ORDER_2,
    ]);
    expect(fake.calls).toEqual([]);
  });
});
