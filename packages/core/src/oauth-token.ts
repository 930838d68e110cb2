import type { AccessToken, AuthContext } from './adapter';
import { AuthError } from './errors';

export interface OAuthTokenRequest {
  /** The authorization server's token endpoint (`ctx.tokenUrl` overrides it). */
  tokenUrl: string;
  /** Form parameters (`grant_type`, `client_id`, `refresh_token`, …); undefined values are left out. */
  params: Record<string, string | undefined>;
  /** Platform name for error messages. */
  platform: string;
  /** Credential field to blame when the server refuses (default `refresh_token`). */
  field?: string;
}

/**
 * POST an OAuth 2.0 token request (RFC 6749 §6, form-encoded) through `ctx.fetch` and turn
 * the answer into an `AccessToken`. A refusal or an answer without `access_token` throws an
 * `AuthError` naming the server's `error` and `error_description`.
 */
export async function requestOAuthToken(ctx: AuthContext, request: OAuthTokenRequest): Promise<AccessToken> {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(request.params)) if (value !== undefined) form.set(key, value);
  const response = await ctx.fetch(ctx.tokenUrl ?? request.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: unknown;
    expires_in?: unknown;
    error?: unknown;
    error_description?: unknown;
  };
  if (!response.ok || typeof body.access_token !== 'string' || body.access_token === '') {
    const why =
      [body.error, body.error_description]
        .filter((p): p is string => typeof p === 'string' && p !== '')
        .join(': ') || 'no access_token';
    throw new AuthError(`${request.platform} token request failed (${response.status}): ${why}`, {
      field: request.field ?? 'refresh_token',
    });
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in);
  return {
    accessToken: body.access_token,
    expiresAt: ctx.now.getTime() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000,
  };
}
