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
import { type SingularPlatform, deviceIdsOf, ipv4Of, platformOf, sdidOf } from './device';
import { eventMapping } from './event-map';
import type { SingularCredentials, SingularOptions } from './schemas';

type Ctx = BuildContext<SingularCredentials, SingularOptions>;
type Checked = CheckContext<SingularCredentials, SingularOptions>;

const appIdOf = (platform: SingularPlatform, credentials: SingularCredentials): string | undefined =>
  platform === 'iOS' ? credentials.ios_bundle_id : credentials.android_package_name;

const missing = (reason: string): Refusal => ({ status: 'rejected', code: 'missing_user_data', reason });

/**
 * The query of one event, or the outcome that keeps it from being sent: `a` (SDK key), `p`, `i`,
 * `ip` (IPv4), `ve` (OS version), the platform's device ids, `n`, `utime` (epoch **seconds** of the
 * event's own time), `custom_user_id`, revenue (`amt`, `cur`, `is_revenue_event=true`) for a
 * purchase with a value, and `e`: the order id, the value and currency of any other event with a
 * value, and the OMS context as a JSON object. Singular counts every revenue event as revenue, so by
 * core's revenue rule only purchases are flagged (a cart or checkout value would double count).
 */
export function queryOf(mapped: MappedEvent, ctx: Checked): Record<string, string> | Refusal {
  const { event, name } = mapped;
  const sdid = sdidOf(event);
  const v2 = eventApiOf(event, ctx) === 'v2';
  if (v2 && sdid === undefined) {
    return {
      status: 'skipped',
      reason:
        "no Singular Device ID (record key sdid or singular_device_id): Singular's v2 EVENT endpoint matches events on it, so this event is not sent",
    };
  }
  const platform = platformOf(event);
  const ids = v2 ? { sdid: sdid! } : platform ? deviceIdsOf(event, platform) : {};
  if (v2 && platform === undefined) {
    return missing('Singular requires the platform (p): the record has no os (ios or android)');
  }
  if (platform === undefined || Object.keys(ids).length === 0) {
    return {
      status: 'skipped',
      reason:
        'no iOS or Android device id (record key idfa, idfv, aifa, andi, asid or oaid): Singular attributes app events to a device, so this event is not sent',
    };
  }
  const app = appIdOf(platform, ctx.credentials);
  if (app === undefined) {
    const field = platform === 'iOS' ? 'ios_bundle_id' : 'android_package_name';
    return missing(`Singular requires the app id (i) of ${platform} events: set ${field} in the credential`);
  }
  const ip = ipv4Of(event);
  if (ip === undefined) return missing('Singular requires the device IPv4 address (ip): the record has none');
  const osVersion = recordText(event, 'os_version');
  if (osVersion === undefined)
    return missing('Singular requires the OS version (ve): the record has no os_version');
  const value = eventValueOf(mapped, eventMapping);
  const revenue = value?.role === 'revenue' ? value : undefined;
  const otherValue = value !== undefined && value.role !== 'revenue' ? value : undefined;
  return withoutUndefined({
    a: ctx.credentials.sdk_key,
    p: platform,
    i: app,
    ip,
    ve: osVersion,
    ...ids,
    n: name,
    utime: String(Math.floor(event.occurredAt.getTime() / 1000)),
    custom_user_id: event.user.externalId,
    amt: revenue === undefined ? undefined : String(revenue.amount),
    cur: revenue?.currency,
    is_revenue_event: revenue === undefined ? undefined : 'true',
    e: JSON.stringify(
      withoutUndefined({
        order_id: event.orderId,
        value: otherValue?.amount,
        currency: otherValue?.currency,
        ...contextProperties(event),
      }),
    ),
  }) as Record<string, string>;
}

/** The EVENT endpoint version for an event: the credential's choice, else v2 when it has an sdid. */
export function eventApiOf(event: MappedEvent['event'], ctx: Checked): 'v1' | 'v2' {
  const chosen = ctx.options.event_api;
  if (chosen !== 'auto') return chosen;
  return sdidOf(event) === undefined ? 'v1' : 'v2';
}

const isRefusal = (value: Record<string, string> | Refusal): value is Refusal =>
  typeof (value as Refusal).status === 'string' && !('a' in value);

/**
 * Events not sent: skipped without a device id, rejected when a field Singular requires is
 * missing (queryOf).
 */
export function check(mapped: MappedEvent, ctx: Checked): Refusal | undefined {
  const query = queryOf(mapped, ctx);
  return isRefusal(query) ? query : undefined;
}

/**
 * Pure: one `GET /api/v1/evt?…` (or `/api/v2/evt?…` with the Singular Device ID) per event (Singular
 * takes one event per request; `check` refused the events it cannot take).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return events.map((mapped, index) => ({
    method: 'GET',
    url: `${ctx.baseUrl}/api/${eventApiOf(mapped.event, ctx)}/evt?${new URLSearchParams(queryOf(mapped, ctx) as Record<string, string>).toString()}`,
    headers: { accept: 'application/json' },
    eventIndexes: [index],
  }));
}
