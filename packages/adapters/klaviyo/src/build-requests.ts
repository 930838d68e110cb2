import type { BuildContext, CheckContext, HttpRequest, MappedEvent, Refusal, RelayEvent } from '@relay/core';
import { hasProfileIdentifier, profileOf } from './profile';
import type { KlaviyoCredentials, KlaviyoOptions } from './schemas';
import { KLAVIYO_REVISION } from './version';

type Ctx = BuildContext<KlaviyoCredentials, KlaviyoOptions>;

/** ISO 8601 to the second (Klaviyo truncates `time` to the second). */
const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** Event properties: Klaviyo's order conventions (`OrderId`, `Items`, …) plus the OMS context. */
function propertiesOf(event: RelayEvent): Record<string, unknown> {
  const props: Record<string, unknown> = { OrderId: event.orderId, oms_event_name: event.eventName };
  if (event.items.length > 0) {
    props['Items'] = event.items.map((item) => {
      const out: Record<string, unknown> = {};
      if (item.id !== undefined) out['ProductID'] = item.id;
      if (item.name !== undefined) out['ProductName'] = item.name;
      if (item.quantity !== undefined) out['Quantity'] = item.quantity;
      if (item.price !== undefined) out['ItemPrice'] = item.price;
      if (item.price !== undefined && item.quantity !== undefined)
        out['RowTotal'] = Math.round(item.price * item.quantity * 100) / 100;
      if (item.category !== undefined) out['Categories'] = [item.category];
      return out;
    });
    props['ItemNames'] = event.items.flatMap((i) => (i.name === undefined ? [] : [i.name]));
    props['Categories'] = [
      ...new Set(event.items.flatMap((i) => (i.category === undefined ? [] : [i.category]))),
    ];
  }
  const context: Array<[string, string | undefined]> = [
    ['session_id', event.sessionId],
    ['utm_source', event.utm.source],
    ['utm_medium', event.utm.medium],
    ['utm_campaign', event.utm.campaign],
    ['utm_term', event.utm.term],
    ['utm_content', event.utm.content],
    ['affiliate', event.affiliate],
    ['page_url', event.pageUrl],
    ['referrer', event.referrer],
  ];
  for (const [key, value] of context) if (value !== undefined) props[key] = value;
  return props;
}

/** The JSON:API body of `POST /api/events` (`EventCreateQueryV2`) for one event. */
export function eventBodyOf(mapped: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const { event } = mapped;
  const attributes: Record<string, unknown> = {
    properties: propertiesOf(event),
    time: isoSeconds(event.occurredAt),
  };
  if (event.value !== undefined) {
    attributes['value'] = event.value;
    attributes['value_currency'] = event.currency;
  }
  attributes['unique_id'] = event.dedupKey;
  if (ctx.options.backfill) attributes['backfill'] = true;
  attributes['metric'] = { data: { type: 'metric', attributes: { name: mapped.name } } };
  attributes['profile'] = { data: { type: 'profile', attributes: profileOf(event, ctx.defaultCountry) } };
  return { data: { type: 'event', attributes } };
}

/** An event without an email, phone or external id: Klaviyo cannot attach it to a profile. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<KlaviyoCredentials, KlaviyoOptions>,
): Refusal | undefined {
  if (hasProfileIdentifier(profileOf(mapped.event, ctx.defaultCountry))) return undefined;
  return {
    status: 'rejected',
    code: 'missing_profile_identifier',
    reason: 'Klaviyo needs an email, a phone number or an external id to attach the event to a profile',
  };
}

/**
 * Pure: one `POST /api/events` per event (Klaviyo's synchronous create-event takes one event;
 * core chunks by `batch.maxEvents: 1`); every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return events.map((mapped, index) => ({
    method: 'POST',
    url: `${ctx.baseUrl}/api/events`,
    headers: {
      'content-type': 'application/vnd.api+json',
      accept: 'application/vnd.api+json',
      authorization: `Klaviyo-API-Key ${ctx.credentials.private_api_key}`,
      revision: KLAVIYO_REVISION,
    },
    body: eventBodyOf(mapped, ctx),
    eventIndexes: [index],
  }));
}
