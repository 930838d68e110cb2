import type { BuildContext, HttpRequest, MappedEvent } from '@relay/core';
import { buildOfflineRequests } from './offline-conversions';
import {
  type MicrosoftAdsCredentials,
  type MicrosoftAdsOptions,
  type MicrosoftApi,
  asOfflineCredentials,
  asUetCredentials,
  credentialApi,
  credentialMismatch,
} from './schemas';
import { buildUetRequests } from './uet-capi';

type Ctx = BuildContext<MicrosoftAdsCredentials, MicrosoftAdsOptions>;

/** The API of this delivery: `options.api`, else the one the credential's fields belong to. */
export function apiOf(ctx: {
  credentials: MicrosoftAdsCredentials;
  options: MicrosoftAdsOptions;
}): MicrosoftApi {
  return ctx.options.api ?? credentialApi(ctx.credentials);
}

/**
 * Pure: requests for the chosen API. A credential without that API's fields throws the
 * `credentialMismatch` error (`check` already threw it before anything was authorised).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const api = apiOf(ctx);
  if (api === 'uet_capi') {
    const uet = asUetCredentials(ctx.credentials);
    if (uet) return buildUetRequests(events, ctx, uet);
  } else {
    const offline = asOfflineCredentials(ctx.credentials);
    if (offline) return buildOfflineRequests(events, ctx, offline);
  }
  throw credentialMismatch(api, ctx.credentials);
}
