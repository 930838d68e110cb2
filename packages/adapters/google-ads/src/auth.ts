import { type AdapterAuth, requestOAuthToken } from '@relay/core';
import type { GoogleAdsCredentials } from './schemas';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** OAuth 2.0 refresh-token flow; core caches the token per credential and refreshes it once on a 401. */
export const auth: AdapterAuth<GoogleAdsCredentials> = {
  getToken: (credentials, ctx) =>
    requestOAuthToken(ctx, {
      tokenUrl: GOOGLE_TOKEN_URL,
      platform: 'Google Ads',
      params: {
        grant_type: 'refresh_token',
        refresh_token: credentials.refresh_token,
        client_id: credentials.client_id,
        client_secret: credentials.client_secret,
      },
    }),
};
