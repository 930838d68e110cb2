import type { BuildContext, BuildResult, MappedEvent } from '@relay/core';
import { buildOfflineRequests } from './offline-conversions';
import {
  type MicrosoftAdsCredentials,
  type MicrosoftAdsOptions,
  type MicrosoftApi,
  asOfflineCredentials,
  asUetCredentials,
  credentialApi,
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

/** Pure: requests for the chosen API; a credential without that API's fields needs a person. */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const api = apiOf(ctx);
  if (api === 'uet_capi') {
    const uet = asUetCredentials(ctx.credentials);
    if (uet) return { requests: buildUetRequests(events, ctx, uet) };
  } else {
    const offline = asOfflineCredentials(ctx.credentials);
    if (offline) return { requests: buildOfflineRequests(events, ctx, offline) };
  }
  const needs = api === 'uet_capi' ? 'uet_tag_id and capi_token' : 'the OAuth and account fields';
  return {
    requests: [],
    outcomes: events.map((_, index) => ({
      index,
      outcome: {
        status: 'auth',
        kind: 'needs-attention',
        reason: `Microsoft Advertising: options.api is '${api}' but the credential lacks ${needs}`,
      },
    })),
  };
}
