import { type AdapterAuth, AuthError } from '@relay/core';
import type { GoogleAdsCredentials } from './schemas';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** OAuth 2.0 refresh-token flow; core caches the token per credential and refreshes it once on a 401. */
export const auth: AdapterAuth<GoogleAdsCredentials> = {
  async getToken(credentials, ctx) {
    const response = await ctx.fetch(GOOGLE_TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: credentials.refresh_token,
        client_id: credentials.client_id,
        client_secret: credentials.client_secret,
      }).toString(),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || !body.access_token) {
      const why = [body.error, body.error_description].filter(Boolean).join(': ') || 'no access_token';
      throw new AuthError(`Google Ads token refresh failed (${response.status}): ${why}`, {
        field: 'refresh_token',
      });
    }
    return {
      accessToken: body.access_token,
      expiresAt: ctx.now.getTime() + (body.expires_in ?? 3600) * 1000,
    };
  },
};
