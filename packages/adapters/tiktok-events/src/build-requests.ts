import {
  type BuildContext,
  type HttpRequest,
  type MappedEvent,
  type RelayEvent,
  hashEmail,
  hashExternalId,
  hashPhoneE164,
  normalizeCountry,
} from '@relay/core';
import type { TiktokEventsCredentials, TiktokEventsOptions } from './schemas';
import { TIKTOK_API_VERSION } from './version';

type Ctx = BuildContext<TiktokEventsCredentials, TiktokEventsOptions>;

/** `user`: hashed email, phone (E.164 with `+`) and external id; click ids, ip and user agent as they are. */
export function userOf(event: RelayEvent, defaultCountry: string): Record<string, unknown> {
  const user: Record<string, unknown> = {};
  const email = hashEmail(event.user.email);
  const phone = hashPhoneE164(event.user.phone, normalizeCountry(event.user.country) ?? defaultCountry);
  const externalId = hashExternalId(event.user.externalId);
  if (email) user['email'] = [email];
  if (phone) user['phone'] = [phone];
  if (externalId) user['external_id'] = [externalId];
  if (event.clickIds.ttclid) user['ttclid'] = event.clickIds.ttclid;
  if (event.clickIds.ttp) user['ttp'] = event.clickIds.ttp;
  if (event.user.ip) user['ip'] = event.user.ip;
  if (event.user.userAgent) user['user_agent'] = event.user.userAgent;
  return user;
}

/** `properties`: value and currency together, the order id, and the items as contents. */
export function propertiesOf(event: RelayEvent): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  if (event.value !== undefined) {
    properties['value'] = event.value;
    properties['currency'] = event.currency;
  }
  properties['order_id'] = event.orderId;
  const items = event.items.filter((item) => item.id !== undefined);
  if (items.length > 0) {
    properties['content_type'] = 'product';
    properties['contents'] = items.map((item) => {
      const content: Record<string, unknown> = { content_id: item.id };
      if (item.name !== undefined) content['content_name'] = item.name;
      if (item.category !== undefined) content['content_category'] = item.category;
      if (item.price !== undefined) content['price'] = item.price;
      content['quantity'] = item.quantity ?? 1;
      return content;
    });
  }
  return properties;
}

/** One entry of `data[]` for a mapped Relay event. */
export function eventDataOf({ event, name }: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const data: Record<string, unknown> = {
    event: name,
    event_time: Math.floor(event.occurredAt.getTime() / 1000),
    event_id: event.dedupKey,
    user: userOf(event, ctx.defaultCountry),
    properties: propertiesOf(event),
  };
  const page: Record<string, string> = {};
  if (event.pageUrl) page['url'] = event.pageUrl;
  if (event.referrer) page['referrer'] = event.referrer;
  if (Object.keys(page).length > 0) data['page'] = page;
  if (ctx.options.limited_data_use) data['limited_data_use'] = true;
  return data;
}

/** Pure: one `POST /open_api/v1.3/event/track/` for the chunk (core keeps chunks ≤ 1000 events). */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const body: Record<string, unknown> = {
    event_source: 'web',
    event_source_id: ctx.credentials.pixel_code,
  };
  if (ctx.options.test_event_code) body['test_event_code'] = ctx.options.test_event_code;
  body['data'] = events.map((mapped) => eventDataOf(mapped, ctx));
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/open_api/${TIKTOK_API_VERSION}/event/track/`,
      headers: { 'content-type': 'application/json', 'access-token': ctx.credentials.access_token },
      body,
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
