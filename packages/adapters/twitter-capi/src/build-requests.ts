import { type BuildContext, type HttpRequest, type MappedEvent, oauth1Header } from '@relay/core';
import { xEventIdOf } from './check';
import { xIdentifiers } from './identifiers';
import type { TwitterCapiCredentials, TwitterCapiOptions } from './schemas';
import { X_ADS_API_VERSION } from './version';

type Ctx = BuildContext<TwitterCapiCredentials, TwitterCapiOptions>;

/** One conversion of the X body; money as a number, the event's own time with milliseconds. */
function conversion(mapped: MappedEvent, eventId: string, ctx: Ctx) {
  const { event } = mapped;
  const items = event.items.reduce((n, item) => n + (item.quantity ?? 1), 0);
  return {
    conversion_time: event.occurredAt.toISOString(),
    event_id: eventId,
    identifiers: xIdentifiers(event, ctx.defaultCountry),
    conversion_id: event.dedupKey,
    ...(event.value !== undefined && { value: event.value, price_currency: event.currency }),
    ...(items > 0 && { number_items: items }),
    ...(event.items.length > 0 && {
      contents: event.items.map((item) => ({
        ...(item.id !== undefined && { content_id: item.id }),
        ...(item.name !== undefined && { content_name: item.name }),
        ...(item.category !== undefined && { content_type: item.category }),
        ...(item.price !== undefined && { content_price: item.price.toFixed(2) }),
        ...(item.quantity !== undefined && { num_items: item.quantity }),
      })),
    }),
  };
}

/**
 * Pure: `POST /{version}/measurement/conversions/{pixel_id}` with up to 500 conversions, signed
 * with OAuth 1.0a (nonce and time from the context). `check` has already skipped events without
 * a configured X event id and refused those without any identifier.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const version = ctx.options.api_version ?? X_ADS_API_VERSION;
  const url = `${ctx.baseUrl}/${version}/measurement/conversions/${encodeURIComponent(ctx.credentials.pixel_id)}`;
  const authorization = oauth1Header(
    {
      consumerKey: ctx.credentials.consumer_key,
      consumerSecret: ctx.credentials.consumer_secret,
      token: ctx.credentials.access_token,
      tokenSecret: ctx.credentials.access_token_secret,
    },
    { method: 'POST', url, nonce: ctx.nonce(), timestamp: Math.floor(ctx.now.getTime() / 1000) },
  );
  return [
    {
      method: 'POST',
      url,
      headers: { authorization, 'content-type': 'application/json' },
      body: {
        conversions: events.map((mapped) => conversion(mapped, xEventIdOf(mapped.name, ctx) ?? '', ctx)),
      },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
