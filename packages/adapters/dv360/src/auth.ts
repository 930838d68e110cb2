import { type AdapterAuth, requestOAuthToken } from '@relay/core';
import type { Dv360Credentials } from './schemas';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** OAuth 2.0 refresh-token flow (scope ddmconversions); core caches the token and refreshes it once on a 401. */
export const auth: AdapterAuth<Dv360Credentials> = {
  getToken: (credentials, ctx) =>
    requestOAuthToken(ctx, {
      tokenUrl: GOOGLE_TOKEN_URL,
      platform: 'Campaign Manager 360',
      params: {
        grant_type: 'refresh_token',
        refresh_token: credentials.refresh_token,
        client_id: credentials.client_id,
        client_secret: credentials.client_secret,
      },
    }),
};
