import { isIP } from 'node:net';
import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  basicAuthorization,
  contextProperties,
  normalizeEmail,
  normalizeExternalId,
  normalizePhoneE164,
  productList,
  uuidV5,
  withoutUndefined,
} from '@relay/core';
import { PAGE_VIEW, PRODUCT_ACTIONS, SIGN_UP } from './event-map';
import { MPARTICLE_PODS, type MparticleCredentials, type MparticleOptions, podOf } from './schemas';

type Ctx = BuildContext<MparticleCredentials, MparticleOptions>;

/** mParticle wants each batch (one user's events) to stay under 128 kB. */
export const MAX_BATCH_BYTES = 128 * 1024;

/** `/v2/bulkevents` is for data up to 30 days old; older data goes to the historical endpoint. */
export const RECENT_WINDOW_MS = 30 * 86_400_000;

const nonEmpty = <T extends object>(o: T): T | undefined => (Object.keys(o).length > 0 ? o : undefined);

const isProductAction = (name: string): name is (typeof PRODUCT_ACTIONS)[number] =>
  (PRODUCT_ACTIONS as ReadonlyArray<string>).includes(name);

/** `custom_attributes`: the OMS context as strings (mParticle's schema: string values). */
function customAttributesOf({ event }: MappedEvent, withValue: boolean): Record<string, string> {
  const attributes: Record<string, string | number | undefined> = {
    order_id: event.orderId,
    value: withValue ? event.value : undefined,
    currency: withValue && event.value !== undefined ? event.currency : undefined,
    ...contextProperties(event),
    page_url: event.pageUrl,
    referrer: event.referrer,
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out[key] = String(value);
  return out;
}

/** Products with `total_product_amount` (price × quantity, cents rounded) where both are known. */
function productsOf({ event }: MappedEvent): Array<Record<string, string | number>> | undefined {
  return productList(event.items, 'id')?.map((product) => {
    const { price, quantity } = product;
    return typeof price === 'number' && typeof quantity === 'number'
      ? { ...product, total_product_amount: Math.round(price * quantity * 100) / 100 }
      : product;
  });
}

/**
 * The batch's one event: a `commerce_event` when the platform name is a product action
 * (`purchase`, `checkout`, `add_to_cart`…), a `screen_view` for page views, else a
 * `custom_event` (`user_preference` for sign-ups, the `custom_event_type` option otherwise).
 */
export function eventOf(
  mapped: MappedEvent,
  ctx: CheckContext<MparticleCredentials, MparticleOptions>,
  messageId: string,
): Record<string, unknown> {
  const { event, name } = mapped;
  const common = { timestamp_unixtime_ms: event.occurredAt.getTime(), source_message_id: messageId };
  if (isProductAction(name)) {
    return {
      event_type: 'commerce_event',
      data: withoutUndefined({
        ...common,
        currency_code: event.currency,
        product_action: withoutUndefined({
          action: name,
          transaction_id: name === 'purchase' || name === 'refund' ? event.orderId : undefined,
          total_amount: event.value,
          products: productsOf(mapped),
        }),
        custom_attributes: customAttributesOf(mapped, false),
      }),
    };
  }
  if (name === PAGE_VIEW) {
    return {
      event_type: 'screen_view',
      data: { ...common, screen_name: name, custom_attributes: customAttributesOf(mapped, true) },
    };
  }
  return {
    event_type: 'custom_event',
    data: {
      ...common,
      event_name: name,
      custom_event_type: name === SIGN_UP ? 'user_preference' : ctx.options.custom_event_type,
      custom_attributes: customAttributesOf(mapped, true),
    },
  };
}

/** `user_identities`: the OMS customer id, the email (trimmed, lower-cased) and the phone (E.164). */
export function userIdentitiesOf({ event }: MappedEvent, defaultCountry: string): Record<string, string> {
  const { user } = event;
  const country = user.country && /^[a-z]{2}$/i.test(user.country) ? user.country : defaultCountry;
  return withoutUndefined({
    customer_id: normalizeExternalId(user.externalId),
    email: normalizeEmail(user.email),
    mobile_number: normalizePhoneE164(user.phone, country),
  }) as Record<string, string>;
}

/** mParticle's reserved user attributes from the OMS name and address. */
function userAttributesOf({ event }: MappedEvent): Record<string, string> | undefined {
  const { user } = event;
  return nonEmpty(
    withoutUndefined({
      $firstname: user.firstName,
      $lastname: user.lastName,
      $city: user.city,
      $state: user.state,
      $zip: user.zip,
      $country: user.country,
    }) as Record<string, string>,
  );
}

/** One user's batch holding the event (`check` has refused events without an identity). */
export function batchOf(mapped: MappedEvent, ctx: CheckContext<MparticleCredentials, MparticleOptions>) {
  const { event } = mapped;
  const id = uuidV5(event.dedupKey);
  const ip = event.user.ip && isIP(event.user.ip) ? event.user.ip : undefined;
  return withoutUndefined({
    environment: ctx.options.environment,
    source_request_id: id,
    user_identities: userIdentitiesOf(mapped, ctx.defaultCountry),
    user_attributes: ctx.options.user_attributes ? userAttributesOf(mapped) : undefined,
    device_info: event.user.userAgent ? { http_header_user_agent: event.user.userAgent } : undefined,
    ip,
    events: [eventOf(mapped, ctx, id)],
  });
}

/** Older than the Events API's 30 days: sent to the historical endpoint, when allowed. */
export const isHistorical = (mapped: MappedEvent, now: Date) =>
  now.getTime() - mapped.event.occurredAt.getTime() > RECENT_WINDOW_MS;

/**
 * Pure: one batch per event (mParticle batches hold one user's data), sent together to
 * `POST /v2/bulkevents` (≤ 100 batches, core chunks by 100); events older than 30 days go to
 * `/v2/bulkevents/historical` (`check` refuses them unless `historical` is on, and refuses
 * events without a customer id, email or phone, or whose batch is over 128 kB).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === MPARTICLE_PODS.us1 ? MPARTICLE_PODS[podOf(ctx.credentials)] : ctx.baseUrl;
  const recent = { batches: [] as unknown[], eventIndexes: [] as number[], path: '/v2/bulkevents' };
  const historical = {
    batches: [] as unknown[],
    eventIndexes: [] as number[],
    path: '/v2/bulkevents/historical',
  };
  events.forEach((mapped, index) => {
    const target = isHistorical(mapped, ctx.now) ? historical : recent;
    target.batches.push(batchOf(mapped, ctx));
    target.eventIndexes.push(index);
  });
  const headers = {
    'content-type': 'application/json',
    authorization: basicAuthorization(ctx.credentials.api_key, ctx.credentials.api_secret),
  };
  return [recent, historical]
    .filter((group) => group.batches.length > 0)
    .map((group) => ({
      method: 'POST',
      url: `${host}${group.path}`,
      headers,
      body: group.batches,
      eventIndexes: group.eventIndexes,
    }));
}
