import type { BuildContext, HttpRequest, MappedEvent } from '@relay/core';
import { customRequests } from './custom-client';
import { ga4Requests } from './ga4-client';
import type { SgtmCredentials, SgtmOptions } from './schemas';

/**
 * Placeholder default base URL: the real one is the credential's `sgtm_url`. A credential
 * `base_url` override (sandbox, simulator) replaces `sgtm_url` when given.
 */
export const DEFAULT_BASE_URL = 'https://sgtm.invalid';

/** Where requests go: the `base_url` override when there is one, else `sgtm_url`. */
export function tagServerBase(ctx: BuildContext<SgtmCredentials, SgtmOptions>): string {
  const base = ctx.baseUrl !== DEFAULT_BASE_URL ? ctx.baseUrl : ctx.credentials.sgtm_url;
  return base.replace(/\/+$/, '');
}

/** Pure: the same events and context always give the same requests. */
export function buildRequests(
  events: MappedEvent[],
  ctx: BuildContext<SgtmCredentials, SgtmOptions>,
): HttpRequest[] {
  const base = tagServerBase(ctx);
  return ctx.credentials.client_type === 'ga4'
    ? ga4Requests(events, ctx, base)
    : customRequests(events, ctx, base);
}
