import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  contextProperties,
  eventValueOf,
  ipv4Address,
  withoutUndefined,
} from '@relay/core';
import { DEVICE_ID_KEYS, deviceIdsOf } from './device';
import { eventMapping } from './event-map';
import type { AdjustCredentials, AdjustOptions } from './schemas';

type Ctx = BuildContext<AdjustCredentials, AdjustOptions>;

/** The event token for an event: the credential's token for its Relay name, else for its OMS name. */
export function eventTokenOf(
  { event, name }: MappedEvent,
  credentials: AdjustCredentials,
): string | undefined {
  return credentials.event_tokens[name] ?? credentials.event_tokens[event.eventName];
}

/**
 * The form parameters of one event: `s2s=1`, the app and event tokens, the environment, the raw
 * device ids, `created_at_unix` (the event's own time, epoch seconds), `revenue` + `currency` for a
 * purchase with a value (Adjust books `revenue` of any event as revenue, so by core's revenue rule
 * no other event carries it), `ip_address` (IPv4 only, as Adjust takes) and `callback_params` (a
 * JSON object string: order id, the value and currency of a non-purchase event, and the OMS
 * context, for the app owner's callbacks; no `partner_params`, so nothing of the OMS reaches ad
 * networks).
 */
export function eventParamsOf(
  mapped: MappedEvent,
  eventToken: string,
  ctx: Ctx,
): Record<string, string | number> {
  const { event } = mapped;
  const ip = ipv4Address(event.user.ip);
  const value = eventValueOf(mapped, eventMapping);
  const revenue = value?.role === 'revenue' ? value : undefined;
  const otherValue = value !== undefined && value.role !== 'revenue' ? value : undefined;
  return withoutUndefined({
    s2s: 1,
    app_token: ctx.credentials.app_token,
    event_token: eventToken,
    environment: ctx.credentials.environment,
    ...deviceIdsOf(event),
    created_at_unix: Math.floor(event.occurredAt.getTime() / 1000),
    revenue: revenue?.amount,
    currency: revenue?.currency,
    ip_address: ip,
    callback_params: JSON.stringify(
      withoutUndefined({
        order_id: event.orderId,
        value: otherValue?.amount,
        currency: otherValue?.currency,
        ...contextProperties(event),
      }),
    ),
  }) as Record<string, string | number>;
}

const DEVICE_KEYS_TEXT = Object.values(DEVICE_ID_KEYS).flat().join(', ');

/** The skip of an event the credential has no event token for. */
function noEventToken(mapped: MappedEvent): Refusal {
  const names =
    mapped.name === mapped.event.eventName ? mapped.name : `${mapped.name} or ${mapped.event.eventName}`;
  return {
    status: 'skipped',
    reason: `no Adjust event token for ${names} in event_tokens: the event is not sent to Adjust`,
  };
}

/** The rejection of an event without any device id (Adjust requires one). */
function missingDeviceId(): Refusal {
  return {
    status: 'rejected',
    code: 'missing_device_id',
    reason: `Adjust requires a device id: the record has none of ${DEVICE_KEYS_TEXT}`,
  };
}

/** Events not sent: no event token for the event (skipped), no device id (rejected). */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<AdjustCredentials, AdjustOptions>,
): Refusal | undefined {
  if (eventTokenOf(mapped, ctx.credentials) === undefined) return noEventToken(mapped);
  if (Object.keys(deviceIdsOf(mapped.event)).length === 0) return missingDeviceId();
  return undefined;
}

/**
 * Pure: one form-encoded `POST /event` per event (Adjust takes one event per request), with the S2S
 * Security token as a Bearer token when the credential has one; every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const headers: Record<string, string> = ctx.credentials.s2s_token
    ? { authorization: `Bearer ${ctx.credentials.s2s_token}` }
    : {};
  return events.map((mapped, index) => ({
    method: 'POST',
    url: `${ctx.baseUrl}/event`,
    headers,
    body: eventParamsOf(mapped, eventTokenOf(mapped, ctx.credentials) ?? '', ctx),
    encoding: 'form',
    eventIndexes: [index],
  }));
}
