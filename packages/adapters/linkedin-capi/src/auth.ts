import { type AdapterAuth, requestOAuthToken } from '@relay/core';
import type { LinkedinCapiCredentials } from './schemas';

export const TOKEN_URL = 'https://www.linkedin.com/oauth/v2/accessToken';

/** OAuth 2.0 refresh-token flow; core caches the token per credential and refreshes it once on a 401. */
export const auth: AdapterAuth<LinkedinCapiCredentials> = {
  getToken: (credentials, ctx) =>
    requestOAuthToken(ctx, {
      tokenUrl: TOKEN_URL,
      platform: 'LinkedIn Conversions API',
      params: {
        grant_type: 'refresh_token',
        refresh_token: credentials.refresh_token,
        client_id: credentials.client_id,
        client_secret: credentials.client_secret,
      },
    }),
};
