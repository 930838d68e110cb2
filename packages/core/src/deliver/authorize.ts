import type { AuthContext } from '../adapter';
import type { DeliveryRun } from './run';

/** Tokens are renewed this long before they expire. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Stage "authorize": the access token for this credential, from the cache while it is valid,
 * else from the adapter's `auth` (`force` skips the cache: the refresh after a 401). `undefined`
 * for adapters without a token flow. The token is added to the secrets to redact. Throws what
 * `auth.getToken` throws.
 *
 * The token endpoint is the adapter's own; only `DeliverOptions.tokenUrl` (a credential's
 * explicit `token_url`) moves it. The platform `baseUrl` never does.
 */
export async function authorize(run: DeliveryRun, force: boolean): Promise<string | undefined> {
  const { adapter, tokenCache: cache, tokenCacheKey: key } = run;
  if (!adapter.auth) return undefined;
  if (force) cache.delete(key);
  const cached = force ? undefined : cache.get(key);
  if (cached && (cached.expiresAt ?? Number.POSITIVE_INFINITY) - EXPIRY_MARGIN_MS > run.now().getTime()) {
    return cached.accessToken;
  }
  const ctx: AuthContext = { fetch: run.fetch, now: run.now(), baseUrl: run.baseUrl };
  if (run.opts.tokenUrl) ctx.tokenUrl = run.opts.tokenUrl;
  const token = await adapter.auth.getToken(run.credentials, ctx);
  cache.set(key, {
    accessToken: token.accessToken,
    expiresAt: token.expiresAt ?? run.now().getTime() + 3_600_000,
  });
  run.secrets.push(token.accessToken);
  return token.accessToken;
}
