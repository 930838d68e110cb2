import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type RelayEvent,
  withoutUndefined,
} from '@relay/core';
import {
  REDDIT_CUSTOM_TRACKING_TYPE,
  REDDIT_TRACKING_TYPES,
  TYPES_WITH_ITEM_COUNT,
  TYPES_WITH_VALUE,
} from './event-map';
import type { RedditCapiCredentials, RedditCapiOptions } from './schemas';
import { userOf } from './user';
import { REDDIT_API_VERSION, VERSION } from './version';

type Ctx = BuildContext<RedditCapiCredentials, RedditCapiOptions>;

/** Reddit refuses `event_at` more than 5 minutes ahead of its clock (and the whole batch with it). */
export const MAX_FUTURE_MS = 5 * 60_000;

/**
 * Reddit throttles requests that carry a default user agent ("Your user agent was automatically
 * ratelimited"), so every request names Relay.
 */
export const USER_AGENT = `relay-conversions/${VERSION} (reddit_capi)`;

/** `type`: a standard tracking type, or `CUSTOM` with the platform name as `custom_event_name`. */
function typeOf(name: string): { tracking_type: string; custom_event_name?: string } {
  return REDDIT_TRACKING_TYPES.has(name)
    ? { tracking_type: name }
    : { tracking_type: REDDIT_CUSTOM_TRACKING_TYPE, custom_event_name: name };
}

/** Integer item quantity; a missing or non-positive one counts as one. */
const quantityOf = (quantity: number | undefined) =>
  quantity === undefined ? 1 : Math.max(1, Math.round(quantity));

/**
 * `metadata`: `conversion_id` (Relay's dedup key, shared with the pixel's `conversionId`), value
 * (a double in the currency's base unit) with `currency` for the types that take them,
 * `item_count` (sum of quantities) and `products` (items with an id).
 */
function metadataOf(event: RelayEvent, trackingType: string): Record<string, unknown> {
  const items = event.items.filter((item) => item.id !== undefined);
  const withValue = event.value !== undefined && TYPES_WITH_VALUE.has(trackingType);
  return withoutUndefined({
    conversion_id: event.dedupKey,
    currency: withValue ? event.currency : undefined,
    value: withValue ? event.value : undefined,
    item_count:
      items.length > 0 && TYPES_WITH_ITEM_COUNT.has(trackingType)
        ? items.reduce((sum, item) => sum + quantityOf(item.quantity), 0)
        : undefined,
    products:
      items.length > 0
        ? items.map((item) =>
            withoutUndefined({
              id: item.id,
              name: item.name,
              category: item.category,
              quantity: quantityOf(item.quantity),
              item_price: item.price,
            }),
          )
        : undefined,
  });
}

/** One item of `data.events`. */
export function conversionEventOf(
  mapped: MappedEvent,
  ctx: CheckContext<RedditCapiCredentials, RedditCapiOptions>,
): Record<string, unknown> {
  const { event, name } = mapped;
  const actionSource = ctx.options.action_source;
  const type = typeOf(name);
  const website = actionSource === 'WEBSITE';
  const user = userOf(event, actionSource, ctx.options, ctx.defaultCountry);
  return withoutUndefined({
    event_at: event.occurredAt.getTime(),
    action_source: actionSource,
    // Event source URL is for website events; offline events carry no click id (Reddit's guidance).
    event_source_url: website ? event.pageUrl : undefined,
    click_id: actionSource === 'PHYSICAL_STORE' ? undefined : event.clickIds.rdt_cid,
    type,
    metadata: metadataOf(event, type.tracking_type),
    // An event matched by its click id alone carries no `user` object.
    user: Object.keys(user).length > 0 ? user : undefined,
  });
}

/**
 * Pure: one `POST /api/v3/pixels/{pixel_id}/conversion_events` for the chunk (core keeps chunks
 * ≤ 1000 events, drops events older than 7 days and has already refused, in `check`, the events
 * Reddit would reject with the whole batch).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const pixel = encodeURIComponent(ctx.credentials.pixel_id);
  const data = events.map((mapped) => conversionEventOf(mapped, ctx));
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/api/${REDDIT_API_VERSION}/pixels/${pixel}/conversion_events`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ctx.credentials.conversion_token}`,
        'user-agent': USER_AGENT,
      },
      body: { data: withoutUndefined({ test_id: ctx.options.test_id, events: data }) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
