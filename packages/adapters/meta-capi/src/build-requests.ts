import {
  type BuildContext,
  type HttpRequest,
  type MappedEvent,
  type RelayEvent,
  hashedMatchKeys,
} from '@relay/core';
import type { MetaCapiCredentials, MetaCapiOptions } from './schemas';
import { GRAPH_API_VERSION } from './version';

type Ctx = BuildContext<MetaCapiCredentials, MetaCapiOptions>;

/**
 * `fbc` as Meta documents it: the `_fbc` cookie when the OMS has it, else built from the
 * `fbclid` as `fb.1.<event time ms>.<fbclid>`.
 */
export function fbcOf(event: RelayEvent): string | undefined {
  if (event.clickIds.fbc) return event.clickIds.fbc;
  if (event.clickIds.fbclid) return `fb.1.${event.occurredAt.getTime()}.${event.clickIds.fbclid}`;
  return undefined;
}

/** `user_data`: hashed match keys, then the unhashed browser signals. */
export function userDataOf(event: RelayEvent, defaultCountry: string): Record<string, unknown> {
  const data: Record<string, unknown> = { ...hashedMatchKeys(event.user, defaultCountry) };
  if (event.user.ip) data['client_ip_address'] = event.user.ip;
  if (event.user.userAgent) data['client_user_agent'] = event.user.userAgent;
  const fbc = fbcOf(event);
  if (fbc) data['fbc'] = fbc;
  if (event.clickIds.fbp) data['fbp'] = event.clickIds.fbp;
  return data;
}

/** `custom_data`: value and currency together, the order id, and the items as contents. */
export function customDataOf(event: RelayEvent): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (event.value !== undefined) {
    data['value'] = event.value;
    data['currency'] = event.currency;
  }
  data['order_id'] = event.orderId;
  const items = event.items.filter((item) => item.id !== undefined);
  if (items.length > 0) {
    data['content_type'] = 'product';
    data['content_ids'] = items.map((item) => item.id);
    data['contents'] = items.map((item) => {
      const content: Record<string, unknown> = { id: item.id, quantity: item.quantity ?? 1 };
      if (item.price !== undefined) content['item_price'] = item.price;
      return content;
    });
    data['num_items'] = items.reduce((sum, item) => sum + (item.quantity ?? 1), 0);
  }
  return data;
}

/**
 * `action_source`: `website` only for an event that carries both the page URL and the browser's
 * user agent (Meta: "Website events … require the client_user_agent, action_source, and
 * event_source_url parameters"), whether `auto` chose it or the credential set it; otherwise
 * `other` ("Conversion happened in a way that is not listed"). Other configured values are sent
 * as they are.
 */
export function actionSourceOf(event: RelayEvent, option: MetaCapiOptions['action_source']): string {
  if (option !== 'auto' && option !== 'website') return option;
  return event.pageUrl && event.user.userAgent ? 'website' : 'other';
}

/** One server event (Meta's `ServerEvent`) for a mapped Relay event. */
export function serverEventOf({ event, name }: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const serverEvent: Record<string, unknown> = {
    event_name: name,
    event_time: Math.floor(event.occurredAt.getTime() / 1000),
    event_id: event.dedupKey,
    action_source: actionSourceOf(event, ctx.options.action_source),
  };
  if (event.pageUrl) serverEvent['event_source_url'] = event.pageUrl;
  serverEvent['user_data'] = userDataOf(event, ctx.defaultCountry);
  serverEvent['custom_data'] = customDataOf(event);
  if (ctx.options.limited_data_use) {
    serverEvent['data_processing_options'] = ['LDU'];
    serverEvent['data_processing_options_country'] = 0;
    serverEvent['data_processing_options_state'] = 0;
  }
  return serverEvent;
}

/** Pure: one `POST /{version}/{pixel_id}/events` for the chunk (core keeps chunks ≤ 1000 events). */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const version = ctx.options.api_version ?? GRAPH_API_VERSION;
  const body: Record<string, unknown> = { data: events.map((mapped) => serverEventOf(mapped, ctx)) };
  if (ctx.options.test_event_code) body['test_event_code'] = ctx.options.test_event_code;
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/${version}/${encodeURIComponent(ctx.credentials.pixel_id)}/events`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ctx.credentials.access_token}`,
      },
      body,
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
