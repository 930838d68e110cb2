import { SEED_BATCH } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

/**
 * Issue 9 item 4: a credential's `base_url` (a sandbox or regional API host, here the simulator)
 * never moves the OAuth token endpoint; only its `token_url` does.
 */
let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

const AMAZON_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';
const REFRESH_TOKEN = 'Atzr|IwEBIexample-refresh-token-0123456789';
const PURCHASE = {
  data: [{ ...SEED_BATCH.data[2], email: 'customer@example.com', ip_address: '203.0.113.7' }],
};

/**
 * Every request the worker makes, by URL and body. Requests to the simulator go on to it; the
 * adapter's own token endpoint (the internet) is answered here, so nothing leaves the machine.
 */
function recordingFetch(sim: { url: string }) {
  const calls: Array<{ url: string; body: string }> = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const body = typeof init.body === 'string' ? init.body : String(init.body ?? '');
    calls.push({ url, body });
    if (url.startsWith(sim.url)) return globalThis.fetch(input, init);
    return new Response(JSON.stringify({ access_token: 'amazon-access-token', expires_in: 3600 }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

describe('OAuth token endpoint of a credential', () => {
  it('without token_url: the refresh token goes to the adapter’s own endpoint, never to base_url + /oauth/token', async () => {
    const bosley = await f.storefront('bosley');
    const id = await f.credential(bosley, 'amazon_ads');
    const { calls, fetch } = recordingFetch(f.sim);
    await f.ingest(PURCHASE);
    await f.worker({ fetch }).drain();

    expect((await f.deliveries()).map((d) => [d.key, d.status, d.reason])).toEqual([
      [`credential:${id}`, 'delivered', null],
    ]);
    const tokenCalls = calls.filter((c) => c.body.includes('refresh_token'));
    expect(tokenCalls.map((c) => c.url)).toEqual([AMAZON_TOKEN_URL]);
    expect(new URLSearchParams(tokenCalls[0]!.body).get('refresh_token')).toBe(REFRESH_TOKEN);
    // The simulator standing in for the API host saw the events and no token request.
    expect(f.sim.receivedBy('amazon_ads').map((r) => [r.method, r.path])).toEqual([
      ['POST', '/adsApi/v1/create/events'],
    ]);
    expect(calls.some((c) => c.url.endsWith('/oauth/token'))).toBe(false);
  });

  it('with token_url: the token request goes there and nowhere else', async () => {
    const bosley = await f.storefront('bosley');
    const tokenUrl = `${f.sim.url}/amazon_ads_auth/auth/o2/token`;
    const id = await f.credential(bosley, 'amazon_ads', { token_url: tokenUrl });
    const { calls, fetch } = recordingFetch(f.sim);
    await f.ingest(PURCHASE);
    await f.worker({ fetch }).drain();

    expect((await f.deliveries()).map((d) => [d.key, d.status, d.reason])).toEqual([
      [`credential:${id}`, 'delivered', null],
    ]);
    expect(calls.filter((c) => c.body.includes('refresh_token')).map((c) => c.url)).toEqual([tokenUrl]);
    expect(calls.some((c) => !c.url.startsWith(f.sim.url))).toBe(false);
    const [token] = f.sim.receivedBy('amazon_ads_auth');
    expect([token!.method, token!.path]).toEqual(['POST', '/auth/o2/token']);
    expect(new URLSearchParams(token!.body).get('refresh_token')).toBe(REFRESH_TOKEN);
    expect(f.sim.receivedBy('amazon_ads').map((r) => r.path)).toEqual(['/adsApi/v1/create/events']);
  });
});
