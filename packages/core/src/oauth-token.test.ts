import { describe, expect, it } from 'vitest';
import { AuthError } from './errors';
import { requestOAuthToken } from './oauth-token';

const NOW = new Date('2026-01-15T12:00:00Z');

function fakeFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('requestOAuthToken', () => {
  it('posts the form without undefined values and returns the token with its expiry', async () => {
    const { fetch, calls } = fakeFetch(200, { access_token: 'at-1', expires_in: 1800, token_type: 'Bearer' });
    const token = await requestOAuthToken(
      { fetch, now: NOW, baseUrl: 'https://api.example' },
      {
        tokenUrl: 'https://login.example/token',
        params: { grant_type: 'refresh_token', refresh_token: 'rt', client_secret: undefined },
        platform: 'Example',
      },
    );
    expect(token).toEqual({ accessToken: 'at-1', expiresAt: NOW.getTime() + 1_800_000 });
    expect(calls.map((c) => [c.url, c.init.method, c.init.headers, c.init.body])).toEqual([
      [
        'https://login.example/token',
        'POST',
        { 'content-type': 'application/x-www-form-urlencoded' },
        'grant_type=refresh_token&refresh_token=rt',
      ],
    ]);
  });

  it('defaults a missing or odd expires_in to one hour', async () => {
    const { fetch } = fakeFetch(200, { access_token: 'at-2', expires_in: 'soon' });
    const token = await requestOAuthToken(
      { fetch, now: NOW, baseUrl: '' },
      { tokenUrl: 'https://login.example/token', params: {}, platform: 'Example' },
    );
    expect(token.expiresAt).toBe(NOW.getTime() + 3_600_000);
  });

  it('throws an AuthError naming the server error and the field', async () => {
    const { fetch } = fakeFetch(400, { error: 'invalid_grant', error_description: 'expired' });
    const error = await requestOAuthToken(
      { fetch, now: NOW, baseUrl: '' },
      { tokenUrl: 'https://login.example/token', params: {}, platform: 'Example', field: 'refresh_token' },
    ).catch((e: unknown) => e);
    expect(AuthError.isInstance(error)).toBe(true);
    expect([(error as AuthError).message, (error as AuthError).field]).toEqual([
      'Example token request failed (400): invalid_grant: expired',
      'refresh_token',
    ]);
  });

  it('throws when a 200 carries no access token', async () => {
    const { fetch } = fakeFetch(200, 'not json');
    await expect(
      requestOAuthToken(
        { fetch, now: NOW, baseUrl: '' },
        { tokenUrl: 'https://t', params: {}, platform: 'Example' },
      ),
    ).rejects.toThrow('Example token request failed (200): no access_token');
  });
});

describe('requestOAuthToken with a token URL override', () => {
  it('posts to ctx.tokenUrl instead of the platform endpoint', async () => {
    const seen: string[] = [];
    const fetchImpl = (async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ access_token: 'tok', expires_in: 60 }), { status: 200 });
    }) as unknown as typeof fetch;
    const token = await requestOAuthToken(
      {
        fetch: fetchImpl,
        now: new Date(0),
        baseUrl: 'http://127.0.0.1:9/google_ads',
        tokenUrl: 'http://127.0.0.1:9/google_ads/token',
      },
      {
        tokenUrl: 'https://oauth2.googleapis.com/token',
        platform: 'Google Ads',
        params: { grant_type: 'refresh_token' },
      },
    );
    expect(seen).toEqual(['http://127.0.0.1:9/google_ads/token']);
    expect(token).toEqual({ accessToken: 'tok', expiresAt: 60_000 });
  });
});
