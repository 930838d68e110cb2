import type { BuildContext, BuildResult, HttpRequest, MappedEvent, Outcome } from '@relay/core';
import type { AdobeAnalyticsCredentials, AdobeAnalyticsOptions } from './schemas';
import { EDGE_API_VERSION } from './version';
import { dataOf, identityMapOf, xdmOf } from './xdm';

type Ctx = BuildContext<AdobeAnalyticsCredentials, AdobeAnalyticsOptions>;

/**
 * Pure: `POST /ee/v2/collect?datastreamId=…` with `{events: [{xdm, data}]}` for the chunk (core
 * keeps it ≤ 64 kB), or with `endpoint: interact`, one `POST /ee/v2/interact` per event with
 * `{event: {xdm, data}}`. Authenticated with the IMS token, `x-api-key` and
 * `x-gw-ims-org-id`. An event without an external id or email has no identity and is rejected.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const outcomes: Array<{ index: number; outcome: Outcome }> = [];
  const built: Array<{ index: number; event: Record<string, unknown> }> = [];
  events.forEach((mapped, index) => {
    const identityMap = identityMapOf(mapped, ctx.options.id_namespace);
    if (!identityMap) {
      outcomes.push({
        index,
        outcome: {
          status: 'rejected',
          code: 'missing_identity',
          reason: 'Adobe Edge Network needs an identity: an external id or an email for identityMap',
        },
      });
      return;
    }
    built.push({ index, event: { xdm: xdmOf(mapped, identityMap, ctx.options), data: dataOf(mapped) } });
  });
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${ctx.accessToken ?? ''}`,
    'x-api-key': ctx.credentials.client_id,
    'x-gw-ims-org-id': ctx.credentials.ims_org_id,
  };
  const query = `datastreamId=${encodeURIComponent(ctx.credentials.datastream_id)}`;
  const base = `${ctx.baseUrl}/ee/${EDGE_API_VERSION}`;
  const requests: HttpRequest[] =
    built.length === 0
      ? []
      : ctx.options.endpoint === 'interact'
        ? built.map((b) => ({
            method: 'POST',
            url: `${base}/interact?${query}`,
            headers,
            body: { event: b.event },
            eventIndexes: [b.index],
          }))
        : [
            {
              method: 'POST',
              url: `${base}/collect?${query}`,
              headers,
              body: { events: built.map((b) => b.event) },
              eventIndexes: built.map((b) => b.index),
            },
          ];
  return { requests, outcomes };
}
