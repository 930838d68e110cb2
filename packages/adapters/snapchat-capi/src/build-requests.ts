import {
  type BuildContext,
  type HttpRequest,
  type MappedEvent,
  type RelayEvent,
  hashedMatchKeys,
} from '@relay/core';
import type { SnapchatCapiCredentials, SnapchatCapiOptions } from './schemas';
import { SNAP_CAPI_VERSION } from './version';

type Ctx = BuildContext<SnapchatCapiCredentials, SnapchatCapiOptions>;

/** `user_data`: hashed match keys, then ip, user agent and the Snap click id unhashed. */
export function userDataOf(event: RelayEvent, defaultCountry: string): Record<string, unknown> {
  const data: Record<string, unknown> = { ...hashedMatchKeys(event.user, defaultCountry) };
  if (event.user.ip) data['client_ip_address'] = event.user.ip;
  if (event.user.userAgent) data['client_user_agent'] = event.user.userAgent;
  if (event.clickIds.sc_click_id) data['sc_click_id'] = event.clickIds.sc_click_id;
  return data;
}

/** `custom_data`: value (number) and currency together, order id, items (quantity and price as strings, per the v3 spec). */
export function customDataOf(event: RelayEvent): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (event.value !== undefined) {
    data['value'] = event.value;
    data['currency'] = event.currency;
  }
  data['order_id'] = event.orderId;
  const items = event.items.filter((item) => item.id !== undefined);
  if (items.length > 0) {
    data['content_ids'] = items.map((item) => item.id);
    data['contents'] = items.map((item) => {
      const content: Record<string, string> = { id: item.id as string, quantity: String(item.quantity ?? 1) };
      if (item.price !== undefined) content['item_price'] = String(item.price);
      return content;
    });
    data['num_items'] = items.reduce((sum, item) => sum + (item.quantity ?? 1), 0);
  }
  return data;
}

/** One `CapiEvent` for a mapped Relay event. */
export function capiEventOf({ event, name }: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const capiEvent: Record<string, unknown> = {
    event_name: name,
    event_time: Math.floor(event.occurredAt.getTime() / 1000),
    event_id: event.dedupKey,
    action_source: ctx.options.action_source,
  };
  if (event.pageUrl) capiEvent['event_source_url'] = event.pageUrl;
  capiEvent['user_data'] = userDataOf(event, ctx.defaultCountry);
  capiEvent['custom_data'] = customDataOf(event);
  return capiEvent;
}

/** Pure: one `POST /v3/{pixel_id}/events[/validate]?access_token=…` for the chunk (≤ 2000 events). */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const path = ctx.options.validate ? 'events/validate' : 'events';
  const pixel = encodeURIComponent(ctx.credentials.pixel_id);
  const token = encodeURIComponent(ctx.credentials.access_token);
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/${SNAP_CAPI_VERSION}/${pixel}/${path}?access_token=${token}`,
      headers: { 'content-type': 'application/json' },
      body: { data: events.map((mapped) => capiEventOf(mapped, ctx)) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
