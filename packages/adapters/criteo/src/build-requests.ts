import {
  type BuildContext,
  type CheckContext,
  type EventItem,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  type RelayEvent,
  withoutUndefined,
} from '@relay/core';
import { CRITEO_EVENT_NAMES } from './event-map';
import {
  MAPPED_USER_ID_KEYS,
  PAGE_VIEW_ID_KEYS,
  criteoEmailOf,
  optOutReasonOf,
  propertyOf,
  retailerVisitorIdOf,
} from './identity';
import type { CriteoCredentials, CriteoOptions } from './schemas';
import { CRITEO_S2S_VERSION } from './version';

type Ctx = BuildContext<CriteoCredentials, CriteoOptions>;

const PLATFORM = 'Criteo Events API';

/** Events whose OneTag form carries the product list (`item`). */
const ITEM_EVENTS: ReadonlySet<string> = new Set([
  'trackTransaction',
  'addToCart',
  'viewBasket',
  'beginCheckout',
  'addPaymentInfo',
]);

/** One OneTag product: id, unit price, integer quantity (a missing or non-positive one counts 1). */
function itemOf(item: EventItem & { id: string }): Record<string, unknown> {
  return withoutUndefined({
    id: item.id,
    price: item.price,
    quantity: Math.max(1, Math.round(item.quantity ?? 1)),
  });
}

/**
 * `item` of an event: the record's items that have an id. A `trackTransaction` without items
 * but with a value gets one line `{id: order_line_item_id, price: value, quantity: 1}` so the
 * sale and its revenue still count.
 */
function itemsOf(
  event: RelayEvent,
  name: string,
  options: CriteoOptions,
): Array<Record<string, unknown>> | undefined {
  if (!ITEM_EVENTS.has(name)) return undefined;
  const items = event.items.filter((item): item is EventItem & { id: string } => item.id !== undefined);
  if (items.length > 0) return items.map(itemOf);
  if (name === 'trackTransaction' && event.value !== undefined) {
    return [{ id: options.order_line_item_id, price: event.value, quantity: 1 }];
  }
  return undefined;
}

/** The one event of the request's `events` list. */
export function criteoEventOf(mapped: MappedEvent, options: CriteoOptions): Record<string, unknown> {
  const { event, name } = mapped;
  const transaction = name === 'trackTransaction';
  return withoutUndefined({
    event: name,
    timestamp: event.occurredAt.toISOString(),
    id: transaction ? event.orderId : undefined,
    currency: transaction ? event.currency : undefined,
    item: itemsOf(event, name, options),
    deduplication_page_view_id: propertyOf(event, PAGE_VIEW_ID_KEYS),
  });
}

/** The request body: the user and page context, then the event. */
export function bodyOf(
  mapped: MappedEvent,
  ctx: CheckContext<CriteoCredentials, CriteoOptions>,
): Record<string, unknown> {
  const { event } = mapped;
  const { credentials, options } = ctx;
  const mappedUserId = credentials.caller_id ? propertyOf(event, MAPPED_USER_ID_KEYS) : undefined;
  const id = withoutUndefined({
    mapping_key: credentials.caller_id,
    mapped_user_id: mappedUserId,
    email: criteoEmailOf(event.user.email),
  });
  return withoutUndefined({
    account: credentials.partner_id,
    site_type: options.site_type,
    ip: event.user.ip,
    useragent: event.user.userAgent,
    full_url: event.pageUrl,
    previous_url: event.referrer,
    retailer_visitor_id: retailerVisitorIdOf(event),
    id,
    events: [criteoEventOf(mapped, options)],
  });
}

/**
 * Why an event is not sent (core settles it before any request), or `undefined` when it can go:
 * not a OneTag event, a visitor who opted out, or no user id at all.
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<CriteoCredentials, CriteoOptions>,
): Refusal | undefined {
  if (!CRITEO_EVENT_NAMES.has(mapped.name)) {
    return {
      status: 'rejected',
      code: 'unknown_event_name',
      reason: `${PLATFORM} takes only OneTag events (${[...CRITEO_EVENT_NAMES].join(', ')}); '${mapped.name}' is not one of them`,
    };
  }
  const optOut = optOutReasonOf(mapped.event);
  if (optOut) return { status: 'skipped', reason: `${PLATFORM}: not sent, ${optOut}` };
  const body = bodyOf(mapped, ctx);
  const id = body['id'] as Record<string, unknown>;
  if (
    id['mapped_user_id'] === undefined &&
    id['email'] === undefined &&
    body['retailer_visitor_id'] === undefined
  ) {
    return {
      status: 'rejected',
      code: 'missing_user_id',
      reason: `${PLATFORM} needs a GUM id (crto_mapped_user_id, with a caller_id), an email or a retailer visitor / customer id; this event has none`,
    };
  }
  return undefined;
}

/**
 * Pure: one `POST /m/event?version=s2s_v0` per event (the body carries one user and one page
 * context, so each event goes alone); every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return events.map((mapped, index) => ({
    method: 'POST',
    url: `${ctx.baseUrl}/m/event?version=${CRITEO_S2S_VERSION}`,
    headers: { 'content-type': 'application/json' },
    body: bodyOf(mapped, ctx),
    eventIndexes: [index],
  }));
}
