import {
  type BuildContext,
  type BuildResult,
  type MappedEvent,
  type Outcome,
  contextProperties,
  oneRequestPerEvent,
  recordText,
  withoutUndefined,
} from '@relay/core';
import { type SingularPlatform, deviceIdsOf, ipv4Of, platformOf } from './device';
import type { SingularCredentials, SingularOptions } from './schemas';

type Ctx = BuildContext<SingularCredentials, SingularOptions>;

const appIdOf = (platform: SingularPlatform, credentials: SingularCredentials): string | undefined =>
  platform === 'iOS' ? credentials.ios_bundle_id : credentials.android_package_name;

const missing = (reason: string): Outcome => ({ status: 'rejected', code: 'missing_user_data', reason });

/**
 * The query of one event, or the outcome that keeps it from being sent: `a` (SDK key), `p`, `i`,
 * `ip` (IPv4), `ve` (OS version), the platform's device ids, `n`, `utime` (epoch **seconds** of the
 * event's own time), `custom_user_id`, revenue (`amt`, `cur`, `is_revenue_event=true`) when the
 * event has a value, and `e`: the order id and OMS context as a JSON object.
 */
export function queryOf({ event, name }: MappedEvent, ctx: Ctx): Record<string, string> | Outcome {
  const platform = platformOf(event);
  const ids = platform ? deviceIdsOf(event, platform) : {};
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
  const withValue = event.value !== undefined;
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
    amt: withValue ? String(event.value) : undefined,
    cur: withValue ? event.currency : undefined,
    is_revenue_event: withValue ? 'true' : undefined,
    e: JSON.stringify({ order_id: event.orderId, ...contextProperties(event) }),
  }) as Record<string, string>;
}

const isOutcome = (value: Record<string, string> | Outcome): value is Outcome =>
  typeof (value as Outcome).status === 'string' && !('a' in value);

/**
 * Pure: one `GET /api/v1/evt?…` per event (Singular takes one event per request). Events without a
 * device id are skipped; events missing a field Singular requires are rejected; neither is sent.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  return oneRequestPerEvent(events, (mapped) => {
    const query = queryOf(mapped, ctx);
    if (isOutcome(query)) return query;
    return {
      method: 'GET',
      url: `${ctx.baseUrl}/api/v1/evt?${new URLSearchParams(query).toString()}`,
      headers: { accept: 'application/json' },
    };
  });
}
