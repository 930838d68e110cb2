import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  bodyBytes,
  bookedRevenue,
  contextProperties,
  firstRecordText,
  ipv4Address,
  recordText,
  sentEventKind,
  withoutUndefined,
} from '@relay/core';
import { attOf, deviceIdsOf } from './device';
import { eventMapping } from './event-map';
import type { AppsflyerCredentials, AppsflyerOptions } from './schemas';

type Ctx = BuildContext<AppsflyerCredentials, AppsflyerOptions>;

/** AppsFlyer's limit on the JSON payload of one S2S event. */
export const MAX_PAYLOAD_BYTES = 1024;

/** The record key that carries the AppsFlyer id. */
export const appsflyerIdKey = (options: AppsflyerOptions): string =>
  options.appsflyer_id_key ?? 'appsflyer_id';

/** AppsFlyer's `eventTime`: the event's own time in UTC as `yyyy-MM-dd HH:mm:ss.SSS`. */
export function eventTimeOf(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * The rich event value (sent stringified as `eventValue`). By core's revenue rule, revenue goes in
 * `af_revenue` only on a purchase (`af_purchase`): AppsFlyer counts `af_revenue` of any event as
 * revenue, so the value of other events (checkout, cart) is their `af_price`. A refund the
 * credential maps to an event name (`eventMap`) carries a negative `af_revenue`, which AppsFlyer
 * takes ("any numeric value, positive or negative"). Items become the parallel lists
 * `af_content_id` / `af_quantity` (and `af_price` per item on a purchase when every item has a
 * price).
 */
export function richEventValueOf(mapped: MappedEvent): Record<string, unknown> {
  const { event } = mapped;
  const revenue = bookedRevenue(mapped, eventMapping);
  const kind = sentEventKind(mapped, eventMapping);
  const revenueEvent = kind === 'purchase' || kind === 'refund';
  const items = event.items.filter((item) => item.id !== undefined);
  const itemPrices = items.every((item) => item.price !== undefined)
    ? items.map((item) => item.price)
    : undefined;
  const hasValue = event.value !== undefined;
  return withoutUndefined({
    af_revenue: revenue === undefined ? undefined : String(revenue),
    af_price: revenueEvent ? (items.length > 0 ? itemPrices : undefined) : event.value,
    af_currency: hasValue ? event.currency : undefined,
    af_order_id: event.orderId,
    af_content_id: items.length > 0 ? items.map((item) => item.id) : undefined,
    af_quantity: items.length > 0 ? items.map((item) => item.quantity ?? 1) : undefined,
    ...contextProperties(event),
  });
}

/**
 * The body of one event: `appsflyer_id` (required), `customer_user_id` (the OMS customer id),
 * `eventName`, `eventValue` (stringified JSON), `eventCurrency`, `eventTime`, the device IP (IPv4
 * only: API 3's schema takes `ip` as a dotted quad, so an IPv6 address is left out), raw device ids
 * and the optional app fields the OMS sends as record keys.
 */
export function eventBodyOf(
  mapped: MappedEvent,
  appsflyerId: string,
  richValue: Record<string, unknown> = richEventValueOf(mapped),
): Record<string, unknown> {
  const { event, name } = mapped;
  return withoutUndefined({
    appsflyer_id: appsflyerId,
    customer_user_id: event.user.externalId,
    eventName: name,
    eventValue: JSON.stringify(richValue),
    eventCurrency: event.value === undefined ? undefined : event.currency,
    eventTime: eventTimeOf(event.occurredAt),
    ip: ipv4Address(event.user.ip),
    ...deviceIdsOf(event),
    att: attOf(event),
    bundleIdentifier: firstRecordText(event, ['bundle_identifier', 'bundle_id'])?.value,
    app_version_name: recordText(event, 'app_version'),
    os: recordText(event, 'os_version'),
    af_events_api: 'true',
  });
}

/**
 * Optional parts of the rich event value, dropped in this order (cumulatively) while the payload is
 * over AppsFlyer's 1 KB, so a large purchase keeps its revenue instead of being refused: first
 * Relay's own context (affiliate, utm_*, session, storefront, OMS name), then the item lists
 * (`af_content_id`, `af_quantity` and the per-item `af_price` of a purchase, dropped together as
 * they are parallel lists). Revenue, currency and order id are never dropped.
 */
export const TRIM_ORDER: ReadonlyArray<ReadonlyArray<string>> = [
  ['affiliate'],
  ['utm_content'],
  ['utm_term'],
  ['utm_campaign'],
  ['utm_medium'],
  ['utm_source'],
  ['session_id'],
  ['storefront'],
  ['oms_event_name'],
  ['af_content_id', 'af_quantity', 'af_price:items'],
];

/** The rich value without `keys` (`af_price:items` is `af_price` when it is a per-item list). */
function without(rich: Record<string, unknown>, keys: ReadonlyArray<string>): Record<string, unknown> {
  const out = { ...rich };
  for (const key of keys) {
    if (key === 'af_price:items') {
      if (Array.isArray(out['af_price'])) delete out['af_price'];
    } else delete out[key];
  }
  return out;
}

/**
 * The body of one event within AppsFlyer's 1 KB, trimming the optional parts of `TRIM_ORDER` one
 * step at a time, or the size of the fully trimmed body when even that is over.
 */
export function fittingBodyOf(
  mapped: MappedEvent,
  appsflyerId: string,
): { body: Record<string, unknown> } | { bytes: number } {
  let rich = richEventValueOf(mapped);
  let body = eventBodyOf(mapped, appsflyerId, rich);
  for (const step of TRIM_ORDER) {
    if (bodyBytes(body) <= MAX_PAYLOAD_BYTES) return { body };
    rich = without(rich, step);
    body = eventBodyOf(mapped, appsflyerId, rich);
  }
  const bytes = bodyBytes(body);
  return bytes <= MAX_PAYLOAD_BYTES ? { body } : { bytes };
}

/**
 * Events AppsFlyer would refuse, refused before sending: no AppsFlyer id, or a payload still over
 * AppsFlyer's 1 KB once trimmed (`TRIM_ORDER`).
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<AppsflyerCredentials, AppsflyerOptions>,
): Refusal | undefined {
  const idKey = appsflyerIdKey(ctx.options);
  const appsflyerId = recordText(mapped.event, idKey);
  if (appsflyerId === undefined) {
    return {
      status: 'rejected',
      code: 'missing_appsflyer_id',
      reason: `AppsFlyer requires appsflyer_id (the device's AppsFlyer id from the SDK): the record has no ${idKey}, so this event is not sent`,
    };
  }
  const fitted = fittingBodyOf(mapped, appsflyerId);
  if ('bytes' in fitted) {
    return {
      status: 'rejected',
      code: 'payload_too_large',
      reason: `AppsFlyer takes S2S event payloads up to ${MAX_PAYLOAD_BYTES} bytes; this event makes ${fitted.bytes} bytes even without Relay's context and item lists (shorter record values would fit)`,
    };
  }
  return undefined;
}

/**
 * Pure: one `POST /inappevent/{app_id}` per event (AppsFlyer takes one event per request), its
 * body trimmed to AppsFlyer's 1 KB; every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const idKey = appsflyerIdKey(ctx.options);
  return events.map((mapped, index) => {
    const fitted = fittingBodyOf(mapped, recordText(mapped.event, idKey) ?? '');
    return {
      method: 'POST',
      url: `${ctx.baseUrl}/inappevent/${encodeURIComponent(ctx.credentials.app_id)}`,
      headers: { 'content-type': 'application/json', authentication: ctx.credentials.s2s_key },
      body: 'body' in fitted ? fitted.body : {},
      eventIndexes: [index],
    };
  });
}
