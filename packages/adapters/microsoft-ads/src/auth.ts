import { type AdapterAuth, AuthError, requestOAuthToken } from '@relay/core';
import { type MicrosoftAdsCredentials, asOfflineCredentials, asUetCredentials } from './schemas';

/** Scope of the Bing Ads API (Microsoft Advertising) plus `offline_access` for refresh tokens. */
export const MICROSOFT_ADS_SCOPE = 'https://ads.microsoft.com/msads.manage offline_access';

export const microsoftTokenUrl = (tenant = 'common') =>
  `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;

/**
 * Offline-conversions credentials: OAuth 2.0 refresh-token grant at the Microsoft identity
 * platform; core caches the access token per credential and refreshes it once on an auth
 * outcome. UET Conversions API credentials carry a static tag token, returned as is (no call).
 */
export const auth: AdapterAuth<MicrosoftAdsCredentials> = {
  async getToken(credentials, ctx) {
    const offline = asOfflineCredentials(credentials);
    if (offline) {
      return requestOAuthToken(ctx, {
        tokenUrl: microsoftTokenUrl(offline.tenant),
        params: {
          grant_type: 'refresh_token',
          client_id: offline.client_id,
          refresh_token: offline.refresh_token,
          scope: MICROSOFT_ADS_SCOPE,
          client_secret: offline.client_secret,
        },
        platform: 'Microsoft Advertising',
      });
    }
    const uet = asUetCredentials(credentials);
    if (!uet)
      throw new AuthError('Microsoft Advertising: the credential has no usable token', {
        field: 'capi_token',
      });
    return { accessToken: uet.capi_token };
  },
};
