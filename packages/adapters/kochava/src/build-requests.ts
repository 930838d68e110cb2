import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  contextProperties,
  eventValueOf,
  recordText,
  withoutUndefined,
} from '@relay/core';
import { attOf, deviceIdsOf, deviceVerOf } from './device';
import { eventMapping } from './event-map';
import type { KochavaCredentials, KochavaOptions } from './schemas';

type Ctx = BuildContext<KochavaCredentials, KochavaOptions>;

/**
 * The body of one event: `action: "event"`, `kochava_app_id`, `kochava_device_id` (record key of
 * that name, else `""`, which Kochava accepts when device ids are present) and `data` with the
 * event name, `usertime` (epoch **seconds** of the event's own time), the device fields Kochava
 * requires, `currency` and `event_data` (`price` = a purchase's value, `value` = any other event's
 * value, `order_id`, `name`, the OMS context). Kochava documents `price` as "the total revenue from
 * this purchase", so by core's revenue rule no other event carries it.
 */
export function eventBodyOf(mapped: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const { event, name } = mapped;
  const att = attOf(event);
  const value = eventValueOf(mapped, eventMapping);
  return {
    action: 'event',
    kochava_app_id: ctx.credentials.kochava_app_id,
    kochava_device_id: recordText(event, 'kochava_device_id') ?? '',
    data: withoutUndefined({
      event_name: name,
      usertime: Math.floor(event.occurredAt.getTime() / 1000),
      app_version: recordText(event, 'app_version'),
      device_ids: deviceIdsOf(event),
      device_ver: deviceVerOf(event),
      device_ua: event.user.userAgent ?? '',
      origination_ip: event.user.ip,
      currency: event.currency,
      app_tracking_transparency: att === undefined ? undefined : { att },
      event_data: withoutUndefined({
        price: value?.role === 'revenue' ? value.amount : undefined,
        value: value !== undefined && value.role !== 'revenue' ? value.amount : undefined,
        currency: value?.currency,
        order_id: event.orderId,
        ...contextProperties(event),
      }),
    }),
  };
}

/**
 * Why Kochava would not take the event, or `undefined` when it can be sent: no device id
 * (skipped), no IP address (rejected).
 */
export function check(
  { event }: MappedEvent,
  _ctx: CheckContext<KochavaCredentials, KochavaOptions>,
): Refusal | undefined {
  if (deviceIdsOf(event) === undefined) {
    return {
      status: 'skipped',
      reason:
        'no device id (record key idfa, idfv, adid/aaid or android_id): Kochava attributes app events to a device, so this event is not sent',
    };
  }
  if (!event.user.ip) {
    return {
      status: 'rejected',
      code: 'missing_user_data',
      reason:
        'Kochava requires origination_ip (the device IP address): the record has no ip_address or client_ip',
    };
  }
  return undefined;
}

/** Pure: one `POST /track/json` per event (core sends one event per request); every event passed `check`. */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return events.map((mapped, index) => ({
    method: 'POST',
    url: `${ctx.baseUrl}/track/json`,
    headers: { 'content-type': 'application/json' },
    body: eventBodyOf(mapped, ctx),
    eventIndexes: [index],
  }));
}
