import {
  type BuildContext,
  type BuildResult,
  type MappedEvent,
  type RelayEvent,
  bodyBytes,
  contextProperties,
  firstRecordText,
  oneRequestPerEvent,
  recordText,
  withoutUndefined,
} from '@relay/core';
import { attOf, deviceIdsOf } from './device';
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
 * The rich event value (sent stringified as `eventValue`). Revenue goes in `af_revenue` only on
 * `af_purchase`: AppsFlyer counts `af_revenue` of any event as revenue, so the value of other
 * events (checkout, cart) is their `af_price`. Items become the parallel lists `af_content_id` /
 * `af_quantity` (and `af_price` per item on a purchase when every item has a price).
 */
export function eventValueOf(event: RelayEvent, name: string): Record<string, unknown> {
  const revenueEvent = name === 'af_purchase';
  const items = event.items.filter((item) => item.id !== undefined);
  const itemPrices = items.every((item) => item.price !== undefined)
    ? items.map((item) => item.price)
    : undefined;
  const hasValue = event.value !== undefined;
  return withoutUndefined({
    af_revenue: revenueEvent && hasValue ? String(event.value) : undefined,
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
 * `eventName`, `eventValue` (stringified JSON), `eventCurrency`, `eventTime`, the device IP, raw
 * device ids and the optional app fields the OMS sends as record keys.
 */
export function eventBodyOf({ event, name }: MappedEvent, appsflyerId: string): Record<string, unknown> {
  return withoutUndefined({
    appsflyer_id: appsflyerId,
    customer_user_id: event.user.externalId,
    eventName: name,
    eventValue: JSON.stringify(eventValueOf(event, name)),
    eventCurrency: event.value === undefined ? undefined : event.currency,
    eventTime: eventTimeOf(event.occurredAt),
    ip: event.user.ip,
    ...deviceIdsOf(event),
    att: attOf(event),
    bundleIdentifier: firstRecordText(event, ['bundle_identifier', 'bundle_id'])?.value,
    app_version_name: recordText(event, 'app_version'),
    os: recordText(event, 'os_version'),
    af_events_api: 'true',
  });
}

/**
 * Pure: one `POST /inappevent/{app_id}` per event (AppsFlyer takes one event per request). Events
 * without an AppsFlyer id, or whose payload is over AppsFlyer's 1 KB, are rejected and never sent.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const idKey = appsflyerIdKey(ctx.options);
  return oneRequestPerEvent(events, (mapped) => {
    const appsflyerId = recordText(mapped.event, idKey);
    if (appsflyerId === undefined) {
      return {
        status: 'rejected',
        code: 'missing_appsflyer_id',
        reason: `AppsFlyer requires appsflyer_id (the device's AppsFlyer id from the SDK): the record has no ${idKey}, so this event is not sent`,
      };
    }
    const body = eventBodyOf(mapped, appsflyerId);
    const bytes = bodyBytes(body);
    if (bytes > MAX_PAYLOAD_BYTES) {
      return {
        status: 'rejected',
        code: 'payload_too_large',
        reason: `AppsFlyer takes S2S event payloads up to ${MAX_PAYLOAD_BYTES} bytes; this event makes ${bytes} bytes (fewer items or shorter record values would fit)`,
      };
    }
    return {
      method: 'POST',
      url: `${ctx.baseUrl}/inappevent/${encodeURIComponent(ctx.credentials.app_id)}`,
      headers: { 'content-type': 'application/json', authentication: ctx.credentials.s2s_key },
      body,
    };
  });
}
