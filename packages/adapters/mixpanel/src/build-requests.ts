import {
  type BuildContext,
  type BuildResult,
  type MappedEvent,
  basicAuthorization,
  bookedRevenue,
  contextProperties,
  normalizeEmail,
  optimisationValue,
  productList,
  withoutUndefined,
} from '@relay/core';
import { eventMapping } from './event-map';
import { insertIdOf } from './insert-id';
import { MIXPANEL_HOSTS, type MixpanelCredentials, type MixpanelOptions } from './schemas';

type Ctx = BuildContext<MixpanelCredentials, MixpanelOptions>;

/** The user the event belongs to: the external id, else (when enabled) the email; `''` is anonymous. */
function userIdOf({ event }: MappedEvent, ctx: Ctx): string | undefined {
  return (
    event.user.externalId ?? (ctx.options.identify_by_email ? normalizeEmail(event.user.email) : undefined)
  );
}

/**
 * One item of the `/import` array: `{event, properties}`. By core's revenue rule, `revenue` carries
 * only purchases, and refunds as a negative amount (Mixpanel sums it in revenue reports); the value
 * of any other event is `value`.
 */
export function importEventOf(mapped: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const { event } = mapped;
  const userId = userIdOf(mapped, ctx);
  const properties = withoutUndefined({
    time: event.occurredAt.getTime(),
    distinct_id: userId ?? '',
    $insert_id: insertIdOf(event.dedupKey),
    $user_id: userId,
    ip: event.user.ip,
    $current_url: event.pageUrl,
    $referrer: event.referrer,
    order_id: event.orderId,
    revenue: bookedRevenue(mapped, eventMapping),
    value: optimisationValue(mapped, eventMapping),
    currency: event.value === undefined ? undefined : event.currency,
    items: productList(event.items),
    relay_dedup_key: event.dedupKey,
    ...contextProperties(event),
  });
  return { event: mapped.name, properties };
}

/**
 * Pure: one `POST /import?strict=1&project_id=…` with a JSON array of the chunk's events (core
 * keeps chunks ≤ 2000 events and 2 MB). Strict mode makes Mixpanel validate every event and
 * name the failed ones.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const host = ctx.baseUrl === MIXPANEL_HOSTS.us ? MIXPANEL_HOSTS[ctx.credentials.region] : ctx.baseUrl;
  const query = new URLSearchParams({ strict: '1', project_id: ctx.credentials.project_id });
  return {
    requests: [
      {
        method: 'POST',
        url: `${host}/import?${query.toString()}`,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: basicAuthorization(
            ctx.credentials.service_account_username,
            ctx.credentials.service_account_secret,
          ),
        },
        body: events.map((e) => importEventOf(e, ctx)),
        eventIndexes: events.map((_, i) => i),
      },
    ],
  };
}
