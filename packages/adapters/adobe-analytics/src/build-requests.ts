import type { BuildContext, CheckContext, HttpRequest, MappedEvent, Refusal } from '@relay/core';
import type { AdobeAnalyticsCredentials, AdobeAnalyticsOptions } from './schemas';
import { EDGE_API_VERSION } from './version';
import { dataOf, identityMapOf, xdmOf } from './xdm';

type Ctx = BuildContext<AdobeAnalyticsCredentials, AdobeAnalyticsOptions>;

/** An event without an external id or email has no identity for identityMap. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<AdobeAnalyticsCredentials, AdobeAnalyticsOptions>,
): Refusal | undefined {
  if (identityMapOf(mapped, ctx.options.id_namespace)) return undefined;
  return {
    status: 'rejected',
    code: 'missing_identity',
    reason: 'Adobe Edge Network needs an identity: an external id or an email for identityMap',
  };
}

/**
 * Pure: `POST /ee/v2/collect?datastreamId=…` with `{events: [{xdm, data}]}` for the chunk (core
 * keeps it ≤ 64 kB), or with `endpoint: interact`, one `POST /ee/v2/interact` per event with
 * `{event: {xdm, data}}`; every event passed `check`. Authenticated with the IMS token,
 * `x-api-key` and `x-gw-ims-org-id`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const built = events.map((mapped) => {
    const identityMap = identityMapOf(mapped, ctx.options.id_namespace) ?? {};
    return { xdm: xdmOf(mapped, identityMap, ctx.options), data: dataOf(mapped) };
  });
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${ctx.accessToken ?? ''}`,
    'x-api-key': ctx.credentials.client_id,
    'x-gw-ims-org-id': ctx.credentials.ims_org_id,
  };
  const query = `datastreamId=${encodeURIComponent(ctx.credentials.datastream_id)}`;
  const base = `${ctx.baseUrl}/ee/${EDGE_API_VERSION}`;
  if (ctx.options.endpoint === 'interact') {
    return built.map((event, index) => ({
      method: 'POST',
      url: `${base}/interact?${query}`,
      headers,
      body: { event },
      eventIndexes: [index],
    }));
  }
  return [
    {
      method: 'POST',
      url: `${base}/collect?${query}`,
      headers,
      body: { events: built },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
