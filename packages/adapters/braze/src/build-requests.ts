import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  type RelayEvent,
  contextProperties,
  normalizeEmail,
  normalizePhoneE164,
  withoutUndefined,
} from '@relay/core';
import { BRAZE_ECOMMERCE_EVENTS } from './event-map';
import { BRAZE_DEFAULT_ENDPOINT, type BrazeCredentials, type BrazeOptions } from './schemas';

type Ctx = BuildContext<BrazeCredentials, BrazeOptions>;

/** The id key each recommended e-commerce event carries the order under. */
const ECOMMERCE_ID_KEY: Readonly<Record<string, string>> = {
  [BRAZE_ECOMMERCE_EVENTS.orderPlaced]: 'order_id',
  [BRAZE_ECOMMERCE_EVENTS.checkoutStarted]: 'checkout_id',
  [BRAZE_ECOMMERCE_EVENTS.cartUpdated]: 'cart_id',
};

/** Who the event belongs to: `external_id`, else `email`, else `phone` (E.164). */
function identifierOf(event: RelayEvent, defaultCountry: string): Record<string, string> | undefined {
  const { user } = event;
  if (user.externalId) return { external_id: user.externalId };
  const email = normalizeEmail(user.email);
  if (email) return { email };
  const country = user.country && /^[a-z]{2}$/i.test(user.country) ? user.country : defaultCountry;
  const phone = normalizePhoneE164(user.phone, country);
  return phone ? { phone } : undefined;
}

/** Context every event carries (under `metadata` for e-commerce events). */
function contextOf(event: RelayEvent): Record<string, unknown> {
  return withoutUndefined({
    relay_dedup_key: event.dedupKey,
    ...contextProperties(event),
    page_url: event.pageUrl,
  });
}

/** Properties of a recommended e-commerce event: id, `total_value`, `currency`, `products`, `source`, `metadata`. */
function ecommercePropertiesOf(mapped: MappedEvent, idKey: string, source: string): Record<string, unknown> {
  const { event } = mapped;
  return {
    [idKey]: event.orderId,
    total_value: event.value ?? 0,
    currency: event.currency,
    products: event.items.map((item) =>
      withoutUndefined({
        product_id: item.id ?? item.name ?? 'unknown',
        product_name: item.name ?? item.id ?? 'unknown',
        variant_id: item.id ?? item.name ?? 'unknown',
        quantity: item.quantity ?? 1,
        price: item.price ?? 0,
      }),
    ),
    source,
    metadata: contextOf(event),
  };
}

/** Properties of a custom event: order id, value + currency when known, context. */
function customPropertiesOf({ event }: MappedEvent): Record<string, unknown> {
  return withoutUndefined({
    order_id: event.orderId,
    value: event.value,
    currency: event.value === undefined ? undefined : event.currency,
    ...contextOf(event),
  });
}

/** One item of `events`. */
export function brazeEventOf(
  mapped: MappedEvent,
  identifier: Record<string, string>,
  ctx: Ctx,
): Record<string, unknown> {
  const idKey = ECOMMERCE_ID_KEY[mapped.name];
  return withoutUndefined({
    ...identifier,
    app_id: ctx.options.app_id,
    name: mapped.name,
    time: mapped.event.occurredAt.toISOString(),
    properties: idKey ? ecommercePropertiesOf(mapped, idKey, ctx.options.source) : customPropertiesOf(mapped),
  });
}

/** An event without external id, email or phone: Braze cannot attach it to a user. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<BrazeCredentials, BrazeOptions>,
): Refusal | undefined {
  if (identifierOf(mapped.event, ctx.defaultCountry)) return undefined;
  return {
    status: 'rejected',
    code: 'missing_identity',
    reason: 'Braze needs an external_id, email or phone to attach the event to a user',
  };
}

/**
 * Pure: one `POST {rest_endpoint}/users/track` with `{events}` (core keeps chunks ≤ 75 objects);
 * every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const brazeEvents = events.map((mapped) =>
    brazeEventOf(mapped, identifierOf(mapped.event, ctx.defaultCountry) ?? {}, ctx),
  );
  const host = ctx.baseUrl === BRAZE_DEFAULT_ENDPOINT ? ctx.credentials.rest_endpoint : ctx.baseUrl;
  return [
    {
      method: 'POST',
      url: `${host}/users/track`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.credentials.api_key}` },
      body: { events: brazeEvents },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
