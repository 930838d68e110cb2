import { createHmac } from 'node:crypto';
import { type AdapterAuth, requestOAuthToken } from '@relay/core';
import type { YahooDspCredentials } from './schemas';

/** Yahoo B2B identity (IDB2B) token endpoint of the DSP APIs. */
export const TOKEN_URL = 'https://id.b2b.yahooinc.com/identity/oauth2/access_token';

/** Lifetime of the client assertion (Yahoo's samples use 10 minutes). */
const ASSERTION_TTL_S = 600;

const base64Url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/**
 * The JWT client assertion: header `{alg: HS256, typ: JWT}`, claims `iss` = `sub` = client id,
 * `aud` = token URL + `?realm=dsp`, `iat`, `exp` (+10 min); signed with HMAC-SHA256 of the
 * client secret. Pure: the same credentials and clock give the same assertion.
 */
export function clientAssertion(credentials: YahooDspCredentials, tokenUrl: string, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  const header = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64Url(
    JSON.stringify({
      aud: `${tokenUrl}?realm=dsp`,
      iss: credentials.client_id,
      sub: credentials.client_id,
      iat,
      exp: iat + ASSERTION_TTL_S,
    }),
  );
  const signature = createHmac('sha256', credentials.client_secret).update(`${header}.${claims}`).digest();
  return `${header}.${claims}.${base64Url(signature)}`;
}

/**
 * OAuth 2.0 client-credentials grant with a JWT client assertion (RFC 7523), `scope=dsp-api-access`
 * and `realm=dsp`; core caches the token (about an hour) and refreshes it once on a 401.
 */
export const auth: AdapterAuth<YahooDspCredentials> = {
  getToken: (credentials, ctx) => {
    const tokenUrl = ctx.tokenUrl ?? TOKEN_URL;
    return requestOAuthToken(ctx, {
      tokenUrl,
      platform: 'Yahoo DSP identity (IDB2B)',
      field: 'client_secret',
      params: {
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion(credentials, tokenUrl, ctx.now),
        scope: 'dsp-api-access',
        realm: 'dsp',
      },
    });
  },
};
