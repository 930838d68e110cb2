import { type AdapterAuth, requestOAuthToken } from '@relay/core';
import type { AdobeAnalyticsCredentials } from './schemas';

export const IMS_TOKEN_URL = 'https://ims-na1.adobelogin.com/ims/token/v3';

/** IMS OAuth Server-to-Server (client credentials); core caches the token and refreshes it once on a 401. */
export const auth: AdapterAuth<AdobeAnalyticsCredentials> = {
  getToken: (credentials, ctx) =>
    requestOAuthToken(ctx, {
      tokenUrl: IMS_TOKEN_URL,
      platform: 'Adobe IMS',
      field: 'client_secret',
      params: {
        grant_type: 'client_credentials',
        client_id: credentials.client_id,
        client_secret: credentials.client_secret,
        scope: credentials.scopes,
      },
    }),
};
