import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  firstRecordText,
  hashEmail,
  normalizeExternalId,
  productList,
  withoutUndefined,
} from '@relay/core';
import { ADROLL_EVENT_NAMES } from './event-map';
import type { AdrollCredentials, AdrollOptions } from './schemas';

type Ctx = BuildContext<AdrollCredentials, AdrollOptions>;

const PLATFORM = 'AdRoll S2S Event API';

/** OMS record keys (kept in `properties`) that carry AdRoll's first-party cookie and click token. */
export const FIRST_PARTY_COOKIE_KEYS = ['adroll_fpc', '__adroll_fpc', 'first_party_cookie'] as const;
export const CLICK_TOKEN_KEYS = ['adct'] as const;

/** Events whose `event_attributes.products` AdRoll documents. */
const PRODUCT_EVENTS = new Set(['pageView', 'productSearch', 'addToCart', 'purchase']);

/** `identifiers`: click token, first-party cookie, SHA-256 email (lower-cased) and the OMS customer id. */
export function identifiersOf(mapped: MappedEvent): Record<string, string> {
  const { event } = mapped;
  return withoutUndefined({
    adct: firstRecordText(event, CLICK_TOKEN_KEYS)?.value,
    first_party_cookie: firstRecordText(event, FIRST_PARTY_COOKIE_KEYS)?.value,
    email_sha256: hashEmail(event.user.email),
    user_id: normalizeExternalId(event.user.externalId),
  }) as Record<string, string>;
}

/** `event_attributes`: `order_id` for purchases, `products` (AdRoll's product object) where documented. */
function eventAttributesOf(mapped: MappedEvent): Record<string, unknown> | undefined {
  const { event, name } = mapped;
  const products = PRODUCT_EVENTS.has(name)
    ? productList(event.items)?.map(({ name: _name, ...product }) => product)
    : undefined;
  const attributes = withoutUndefined({
    order_id: name === 'purchase' ? event.orderId : undefined,
    products,
  });
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

/** One event of the request's array. */
export function adrollEventOf(
  mapped: MappedEvent,
  ctx: CheckContext<AdrollCredentials, AdrollOptions>,
): Record<string, unknown> {
  const { event } = mapped;
  return withoutUndefined({
    advertisable_eid: ctx.credentials.advertisable_eid,
    pixel_eid: ctx.credentials.pixel_eid,
    event_name: mapped.name,
    page_location: event.pageUrl ?? ctx.options.page_location,
    ip: event.user.ip,
    user_agent: event.user.userAgent,
    conversion_value: event.value,
    currency: event.value !== undefined ? event.currency : undefined,
    // UTC seconds; a decimal part carries milliseconds.
    timestamp: event.occurredAt.getTime() / 1000,
    event_attributes: eventAttributesOf(mapped),
    // Caller-defined metadata, a JSON string: Relay's dedup key and the OMS context, for tracing.
    external_data: JSON.stringify({
      event_id: event.dedupKey,
      storefront: event.storefront,
      oms_event_name: event.eventName,
    }),
    identifiers: identifiersOf(mapped),
  });
}

const reject = (code: string, reason: string): Refusal => ({ status: 'rejected', code, reason });

/**
 * Why AdRoll would refuse an event (core settles it before any request), or `undefined` when it
 * can be sent: a name outside its list, no IP, no page location, no first-party cookie when
 * required, no identifier.
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<AdrollCredentials, AdrollOptions>,
): Refusal | undefined {
  const body = adrollEventOf(mapped, ctx);
  if (!ADROLL_EVENT_NAMES.has(mapped.name)) {
    return reject(
      'unknown_event_name',
      `${PLATFORM} accepts only pageView, homeView, productSearch, addToCart, purchase, highValuePage, gatedContent, demoRequest, signupPlan, signupTrial, contactSales, liveChat and formFill; '${mapped.name}' is not one of them`,
    );
  }
  if (body['ip'] === undefined) {
    return reject(
      'missing_ip',
      `${PLATFORM} requires the user's IP address (ip_address/client_ip); this event has none`,
    );
  }
  if (body['page_location'] === undefined) {
    return reject(
      'missing_page_location',
      `${PLATFORM} requires page_location; this event has no page_url and the credential sets no options.page_location`,
    );
  }
  const identifiers = body['identifiers'] as Record<string, string>;
  if (ctx.options.require_first_party_cookie && identifiers['first_party_cookie'] === undefined) {
    return reject(
      'missing_first_party_cookie',
      `${PLATFORM} currently requires AdRoll's first-party cookie (record key adroll_fpc, __adroll_fpc or first_party_cookie); this event has none`,
    );
  }
  if (Object.keys(identifiers).length === 0) {
    return reject(
      'missing_identifiers',
      `${PLATFORM} needs at least one identifier (adct, first-party cookie, email or customer id); this event has none`,
    );
  }
  return undefined;
}

/**
 * Pure: one `POST /api?advertisable=<EID>` whose body is the JSON array of the chunk's events
 * (core keeps chunks ≤ 100); every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const query = new URLSearchParams({ advertisable: ctx.credentials.advertisable_eid });
  if (ctx.options.dry_run) query.set('dry_run', 'true');
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/api?${query.toString()}`,
      headers: {
        'content-type': 'application/json',
        authorization: `Token ${ctx.credentials.server_access_token}`,
      },
      body: events.map((mapped) => adrollEventOf(mapped, ctx)),
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
