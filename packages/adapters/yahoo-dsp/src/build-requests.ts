import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  type RelayEvent,
  hashEmail,
  hashPhoneE164,
  recordText,
  withoutUndefined,
} from '@relay/core';
import type { YahooDspCredentials, YahooDspOptions } from './schemas';
import { YAHOO_CAPI_VERSION } from './version';

type Ctx = BuildContext<YahooDspCredentials, YahooDspOptions>;

const PLATFORM = 'Yahoo Conversion API';

/** The two CAPI hosts; a `base_url` override (sandbox, simulator) replaces either. */
export const YAHOO_HOSTS = {
  batch: 'https://batch.datax.yahoo.com',
  streaming: 'https://streaming.datax.yahoo.com',
} as const;

/** OMS record keys read as mobile ad ids and Yahoo's first-party pixel id. */
const DEVICE_KEYS = { gpsaid: 'gpsaid', idfa: 'idfa', pxid: 'pxid' } as const;

/** `userData`: SHA-256 email and phone (arrays), device ids, and the unhashed IP and user agent. */
function userDataOf(event: RelayEvent, defaultCountry: string): Record<string, unknown> {
  const country = event.user.country?.trim().toLowerCase();
  const email = hashEmail(event.user.email);
  const phone = hashPhoneE164(
    event.user.phone,
    country && /^[a-z]{2}$/.test(country) ? country : defaultCountry,
  );
  const data: Record<string, unknown> = {};
  if (email) data['email'] = [email];
  if (phone) data['phone'] = [phone];
  for (const [field, key] of Object.entries(DEVICE_KEYS)) {
    const value = recordText(event, key);
    if (value) data[field] = [value];
  }
  if (event.user.ip) data['ip_address'] = event.user.ip;
  if (event.user.userAgent) data['userAgent'] = event.user.userAgent;
  return data;
}

/** `eventData`: the value as `price`, item categories as `products`, order id and currency as key-values. */
function eventDataOf(event: RelayEvent): Record<string, unknown> {
  const categories = [...new Set(event.items.map((item) => item.category).filter((c) => c !== undefined))];
  return withoutUndefined({
    price: event.value,
    products: categories.length > 0 ? categories.map((category) => ({ category })) : undefined,
    customKeyValues: withoutUndefined({
      order_id: event.orderId,
      currency: event.value === undefined ? undefined : event.currency,
    }),
  });
}

/** `privacy.privacy_type: OPTOUT` when the customer denied either ad consent; absent otherwise. */
function privacyOf(event: RelayEvent): Record<string, unknown> | undefined {
  const { adUserData, adPersonalization } = event.consent;
  return adUserData === 'denied' || adPersonalization === 'denied' ? { privacy_type: 'OPTOUT' } : undefined;
}

/** One Yahoo CAPI event (an item of the request's JSON array). */
export function yahooEventOf(
  mapped: MappedEvent,
  ctx: CheckContext<YahooDspCredentials, YahooDspOptions>,
): Record<string, unknown> {
  const { event, name } = mapped;
  const vmcid = recordText(event, ctx.options.click_id_key);
  const userData = userDataOf(event, ctx.defaultCountry);
  return withoutUndefined({
    eventTs: Math.floor(event.occurredAt.getTime() / 1000),
    eventName: name,
    eventId: event.dedupKey,
    actionSource: ctx.options.action_source,
    actionSourceUrl: event.pageUrl,
    userData: Object.keys(userData).length > 0 ? userData : undefined,
    eventData: eventDataOf(event),
    clickData: vmcid === undefined ? undefined : { vmcid },
    privacy: privacyOf(event),
  });
}

/** Yahoo matches on hashed email/phone, device ids, pixel id, the click id or the IP: an event needs one. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<YahooDspCredentials, YahooDspOptions>,
): Refusal | undefined {
  const item = yahooEventOf(mapped, ctx);
  const userData = (item['userData'] ?? {}) as Record<string, unknown>;
  const matchable = ['email', 'phone', 'gpsaid', 'idfa', 'pxid', 'ip_address'].some((k) => k in userData);
  if (matchable || item['clickData'] !== undefined) return undefined;
  return {
    status: 'rejected',
    code: 'missing_user_data',
    reason: `${PLATFORM} needs an identifier to attribute the event (email, phone, device id, vmcid click id or IP address); this event has none`,
  };
}

/**
 * Pure: one `POST /v1/events/{pixelId}` with a JSON array of the events of the chunk (core keeps
 * chunks within the batch limits; `check` refused events without any identifier).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === YAHOO_HOSTS.batch ? YAHOO_HOSTS[ctx.options.endpoint] : ctx.baseUrl;
  const pixel = encodeURIComponent(ctx.credentials.pixel_id);
  return [
    {
      method: 'POST',
      url: `${host}/${YAHOO_CAPI_VERSION}/events/${pixel}`,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${ctx.accessToken ?? ''}`,
      },
      body: events.map((mapped) => yahooEventOf(mapped, ctx)),
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
