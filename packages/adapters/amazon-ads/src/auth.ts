import { type AdapterAuth, requestOAuthToken } from '@relay/core';
import { type AmazonAdsCredentials, REGIONS } from './schemas';

/**
 * Login with Amazon refresh-token flow, on the token endpoint of the credential's region
 * (`api.amazon.com`, `api.amazon.co.uk`, `api.amazon.co.jp`). Core caches the access token
 * (about an hour) per credential and refreshes it once on a 401.
 */
export const auth: AdapterAuth<AmazonAdsCredentials> = {
  getToken: (credentials, ctx) =>
    requestOAuthToken(ctx, {
      tokenUrl: REGIONS[credentials.region ?? 'NA'].tokenUrl,
      platform: 'Amazon Ads Conversions API',
      params: {
        grant_type: 'refresh_token',
        refresh_token: credentials.refresh_token,
        client_id: credentials.client_id,
        client_secret: credentials.client_secret,
      },
    }),
};
