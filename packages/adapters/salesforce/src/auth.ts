import { type AdapterAuth, requestOAuthToken } from '@relay/core';
import type { SalesforceCredentials } from './schemas';

/** Token endpoint of a tenant: `https://{subdomain}.auth.marketingcloudapis.com/v2/token`. */
export const tokenUrlOf = (subdomain: string): string =>
  `https://${subdomain}.auth.marketingcloudapis.com/v2/token`;

/**
 * OAuth 2.0 client credentials of a Server-to-Server API Integration (tokens live 20 minutes);
 * core caches the token per credential and fetches a new one once on a 401. The request is
 * form-encoded through core's `requestOAuthToken`; Salesforce documents a JSON body, the
 * form-encoded one is what production peers send.
 */
export const auth: AdapterAuth<SalesforceCredentials> = {
  getToken: (credentials, ctx) =>
    requestOAuthToken(ctx, {
      tokenUrl: tokenUrlOf(credentials.subdomain),
      platform: 'Salesforce Marketing Cloud',
      field: 'client_secret',
      params: {
        grant_type: 'client_credentials',
        client_id: credentials.client_id,
        client_secret: credentials.client_secret,
        account_id: credentials.account_id,
      },
    }),
};
