import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  SEMANTIC_EVENT_NAMES,
  basicAuthorization,
  normalizeEmail,
  normalizePhoneE164,
  productList,
  withoutUndefined,
} from '@relay/core';
import { PAGE_VIEWED } from './event-map';
import type { RudderstackCredentials, RudderstackOptions } from './schemas';
import { RUDDERSTACK_API_VERSION, VERSION } from './version';

type Ctx = BuildContext<RudderstackCredentials, RudderstackOptions>;

/** RudderStack refuses messages over 32 KB (and batches over 4 MB, `batch.maxBytes`). */
export const MAX_MESSAGE_BYTES = 32 * 1024;

/** The adapter's placeholder base URL: the credential's data plane URL replaces it, a `base_url` override does not. */
export const DEFAULT_BASE_URL = 'https://hosted.rudderlabs.com';

const LIBRARY = { name: '@relay/adapter-rudderstack', version: VERSION };

/** Drop an object that ended up empty. */
const filled = <T extends object>(o: T): T | undefined => (Object.keys(o).length > 0 ? o : undefined);

/**
 * `context`: the raw identity as traits, ip, user agent, page, UTM campaign and the library.
 * RudderStack's destinations read these spec'd keys (`traits.email`, `campaign.source`…).
 */
function contextOf({ event }: MappedEvent, defaultCountry: string): Record<string, unknown> {
  const { user, utm } = event;
  const phoneCountry = user.country && /^[a-z]{2}$/i.test(user.country) ? user.country : defaultCountry;
  return withoutUndefined({
    traits: filled(
      withoutUndefined({
        email: normalizeEmail(user.email),
        phone: normalizePhoneE164(user.phone, phoneCountry),
        firstName: user.firstName,
        lastName: user.lastName,
        address: filled(
          withoutUndefined({
            city: user.city,
            state: user.state,
            postalCode: user.zip,
            country: user.country,
          }),
        ),
      }),
    ),
    ip: user.ip,
    userAgent: user.userAgent,
    page: filled(withoutUndefined({ url: event.pageUrl, referrer: event.referrer })),
    campaign: filled(
      withoutUndefined({
        source: utm.source,
        medium: utm.medium,
        name: utm.campaign,
        term: utm.term,
        content: utm.content,
      }),
    ),
    library: LIBRARY,
  });
}

/**
 * `properties` after RudderStack's e-commerce spec: `order_id`, `revenue` for purchases (else
 * `value`), `currency` with a value, `products` from the OMS items, and the OMS context.
 */
function propertiesOf({ event, name }: MappedEvent, page: boolean): Record<string, unknown> {
  const isPurchase = name === SEMANTIC_EVENT_NAMES.purchase;
  return withoutUndefined({
    ...(page ? { url: event.pageUrl, referrer: event.referrer } : {}),
    order_id: event.orderId,
    [isPurchase ? 'revenue' : 'value']: event.value,
    currency: event.value === undefined ? undefined : event.currency,
    products: productList(event.items, 'product_id'),
    oms_event_name: event.eventName,
    storefront: event.storefront,
    session_id: event.sessionId,
    affiliate: event.affiliate,
  });
}

/**
 * One message of the batch: a `track` call named after the mapped event, or a `page` call for
 * page views. `userId` is the OMS external id and `anonymousId` its session id (one of them is
 * required). The event's time goes in `timestamp` and `originalTimestamp`, the send time in
 * `sentAt`: recent data planes keep `timestamp`, older ones compute it as
 * `receivedAt − (sentAt − originalTimestamp)`, so both land on the event's own time.
 */
export function messageOf(
  mapped: MappedEvent,
  ctx: CheckContext<RudderstackCredentials, RudderstackOptions>,
): Record<string, unknown> | undefined {
  const { event } = mapped;
  const userId = event.user.externalId;
  const anonymousId = event.sessionId;
  if (userId === undefined && anonymousId === undefined) return undefined;
  const page = ctx.options.page_calls && mapped.name === PAGE_VIEWED;
  const time = event.occurredAt.toISOString();
  return withoutUndefined({
    type: page ? 'page' : 'track',
    ...(page ? {} : { event: mapped.name }),
    userId,
    anonymousId,
    messageId: event.dedupKey,
    channel: 'server',
    timestamp: time,
    originalTimestamp: time,
    sentAt: ctx.now.toISOString(),
    properties: propertiesOf(mapped, page),
    context: contextOf(mapped, ctx.defaultCountry),
    integrations: ctx.options.integrations,
  });
}

/**
 * Pure: one `POST {data plane}/v1/batch` with `{batch: [message…]}` (core keeps it ≤ 4 MB), Basic
 * auth with the write key and an empty password (`check` has refused messages without userId or
 * anonymousId, or over 32 KB).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const dataPlane = ctx.baseUrl === DEFAULT_BASE_URL ? ctx.credentials.data_plane_url : ctx.baseUrl;
  return [
    {
      method: 'POST',
      url: `${dataPlane}/${RUDDERSTACK_API_VERSION}/batch`,
      headers: {
        'content-type': 'application/json',
        authorization: basicAuthorization(ctx.credentials.write_key),
      },
      body: { batch: events.map((mapped) => messageOf(mapped, ctx)) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
