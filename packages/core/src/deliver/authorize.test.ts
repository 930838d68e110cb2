import { describe, expect, it } from 'vitest';
import { NOW, fakeFetch, purchase, toyAdapter } from '../__fixtures__/toy/toy-adapter';
import { memoryTokenCache } from '../deliver';
import { requestOAuthToken } from '../oauth-token';
import { authorize } from './authorize';
import { startRun } from './run';

const TOKEN_URL = 'https://auth.toy.example/oauth/token';
const oauthToy = toyAdapter({
  authType: 'oauth2',
  auth: {
    getToken: (credentials, ctx) =>
      requestOAuthToken(ctx, {
        tokenUrl: TOKEN_URL,
        platform: 'Toy',
        params: { grant_type: 'refresh_token', refresh_token: credentials.api_key },
      }),
  },
});

const runWith = (fetch: typeof globalThis.fetch, extra: Record<string, unknown> = {}) =>
  startRun(oauthToy, [purchase(1)], {
    credentials: { api_key: 'refresh-secret' },
    fetch,
    now: () => NOW,
    tokenCache: memoryTokenCache(),
    ...extra,
  });

describe('stage "authorize"', () => {
  it("asks the adapter's own token endpoint even when the credential moves the API base URL", async () => {
    const { fetch, calls } = fakeFetch(() => ({
      status: 200,
      body: { access_token: 'tok-1', expires_in: 3600 },
    }));
    const run = runWith(fetch, { baseUrl: 'https://sandbox.toy.example' });
    expect(await authorize(run, false)).toBe('tok-1');
    expect(calls.map((c) => c.url)).toEqual([TOKEN_URL]);
    expect(run.secrets).toContain('tok-1');
  });

  it('asks an explicit token_url when the credential sets one', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: { access_token: 'tok-2' } }));
    const run = runWith(fetch, {
      baseUrl: 'https://sandbox.toy.example',
      tokenUrl: 'https://sandbox-auth.toy.example/token',
    });
    await authorize(run, false);
    expect(calls.map((c) => c.url)).toEqual(['https://sandbox-auth.toy.example/token']);
  });

  it('uses the cached token until a minute before it expires, and a forced refresh skips it', async () => {
    const { fetch, calls } = fakeFetch((_c, n) => ({
      status: 200,
      body: { access_token: `tok-${n}`, expires_in: 3600 },
    }));
    const run = runWith(fetch);
    expect(await authorize(run, false)).toBe('tok-0');
    expect(await authorize(run, false)).toBe('tok-0');
    expect(await authorize(run, true)).toBe('tok-1');
    expect(calls).toHaveLength(2);
  });

  it('needs no token for an adapter without auth', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200 }));
    const run = startRun(toyAdapter(), [], { credentials: { api_key: 'k' }, fetch });
    expect(await authorize(run, false)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
