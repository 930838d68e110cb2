import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  bookedRevenue,
  eventValueOf,
  normalizeEmail,
  productList,
  withoutUndefined,
} from '@relay/core';
import { eventMapping } from './event-map';
import { AMPLITUDE_HOSTS, type AmplitudeCredentials, type AmplitudeOptions } from './schemas';

type Ctx = BuildContext<AmplitudeCredentials, AmplitudeOptions>;

const REVENUE_TYPE = { revenue: 'Purchase', refund: 'Refund' } as const;

/**
 * One item of `events`: ids, `event_type`, `time` (ms), `insert_id`, revenue and properties.
 * Amplitude counts any event with `revenue` (or `price`) as revenue, so by core's revenue rule only
 * purchases carry it (`revenueType: "Purchase"`) and refunds carry it negative
 * (`revenueType: "Refund"`, as Amplitude documents for refunds); the value of any other event goes
 * in `event_properties.value`.
 */
export function amplitudeEventOf(mapped: MappedEvent, userId: string): Record<string, unknown> {
  const { event } = mapped;
  const value = eventValueOf(mapped, eventMapping);
  return withoutUndefined({
    user_id: userId,
    event_type: mapped.name,
    time: event.occurredAt.getTime(),
    insert_id: event.dedupKey,
    ip: event.user.ip,
    revenue: bookedRevenue(mapped, eventMapping),
    revenueType: value === undefined || value.role === 'value' ? undefined : REVENUE_TYPE[value.role],
    event_properties: withoutUndefined({
      order_id: event.orderId,
      value: value?.role === 'value' ? value.amount : undefined,
      currency: event.value === undefined ? undefined : event.currency,
      products: productList(event.items, 'productId'),
      oms_event_name: event.eventName,
      storefront: event.storefront,
      session_id: event.sessionId,
      page_url: event.pageUrl,
      referrer: event.referrer,
      affiliate: event.affiliate,
    }),
    user_properties: withoutUndefined({
      utm_source: event.utm.source,
      utm_medium: event.utm.medium,
      utm_campaign: event.utm.campaign,
      utm_term: event.utm.term,
      utm_content: event.utm.content,
    }),
  });
}

/** The `user_id` of an event: its external id, else (with `identify_by_email`) its email. */
const userIdOf = ({ event }: MappedEvent, options: AmplitudeOptions): string | undefined =>
  event.user.externalId ?? (options.identify_by_email ? normalizeEmail(event.user.email) : undefined);

/**
 * Amplitude needs a `user_id` or `device_id` per event; Relay has no device id, so an event
 * without an external id (or email, with `identify_by_email`) is refused before sending.
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<AmplitudeCredentials, AmplitudeOptions>,
): Refusal | undefined {
  if (userIdOf(mapped, ctx.options)) return undefined;
  return {
    status: 'rejected',
    code: 'missing_user_id',
    reason:
      'Amplitude needs a user_id or device_id: this event has no external id (or email with identify_by_email)',
  };
}

/**
 * Pure: one `POST /2/httpapi` with `{api_key, events, options?}` (core keeps chunks ≤ 2000
 * events and 1 MB); every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === AMPLITUDE_HOSTS.us ? AMPLITUDE_HOSTS[ctx.credentials.region] : ctx.baseUrl;
  const body: Record<string, unknown> = {
    api_key: ctx.credentials.api_key,
    events: events.map((mapped) => amplitudeEventOf(mapped, userIdOf(mapped, ctx.options) ?? '')),
  };
  if (ctx.options.min_id_length !== undefined) body['options'] = { min_id_length: ctx.options.min_id_length };
  return [
    {
      method: 'POST',
      url: `${host}/2/httpapi`,
      headers: { 'content-type': 'application/json', accept: '*/*' },
      body,
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
