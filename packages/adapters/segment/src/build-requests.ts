import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  basicAuthorization,
  eventKind,
  normalizeEmail,
  normalizePhoneE164,
  productList,
  withoutUndefined,
} from '@relay/core';
import { SEGMENT_HOSTS, type SegmentCredentials, type SegmentOptions } from './schemas';
import { VERSION } from './version';

type Ctx = BuildContext<SegmentCredentials, SegmentOptions>;

/** Segment refuses events over 32 kB and batches over 500 kB. */
export const MAX_EVENT_BYTES = 32_000;

const nonEmpty = <T extends object>(o: T): T | undefined => (Object.keys(o).length > 0 ? o : undefined);

/** `properties` in the e-commerce spec's shape. */
function propertiesOf({ event }: MappedEvent): Record<string, unknown> {
  const purchase = eventKind(event.eventName) === 'purchase';
  return withoutUndefined({
    order_id: event.orderId,
    revenue: purchase ? event.value : undefined,
    value: purchase ? undefined : event.value,
    currency: event.value === undefined ? undefined : event.currency,
    products: productList(event.items, 'product_id'),
    oms_event_name: event.eventName,
    storefront: event.storefront,
    session_id: event.sessionId,
    affiliate: event.affiliate,
  });
}

/** `context`: ip, user agent, traits (raw identity), page and campaign (UTM), library. */
function contextOf({ event }: MappedEvent, defaultCountry: string): Record<string, unknown> {
  const { user, utm } = event;
  const country = user.country && /^[a-z]{2}$/i.test(user.country) ? user.country : defaultCountry;
  const address = withoutUndefined({
    city: user.city,
    state: user.state,
    postalCode: user.zip,
    country: user.country,
  });
  const traits = withoutUndefined({
    email: normalizeEmail(user.email),
    phone: normalizePhoneE164(user.phone, country),
    firstName: user.firstName,
    lastName: user.lastName,
    address: nonEmpty(address),
  });
  return withoutUndefined({
    ip: user.ip,
    userAgent: user.userAgent,
    traits: nonEmpty(traits),
    page: nonEmpty(withoutUndefined({ url: event.pageUrl, referrer: event.referrer })),
    campaign: nonEmpty(
      withoutUndefined({
        source: utm.source,
        medium: utm.medium,
        name: utm.campaign,
        term: utm.term,
        content: utm.content,
      }),
    ),
    library: { name: '@relay/adapter-segment', version: VERSION },
  });
}

/** One `track` message of the batch. */
export function trackMessageOf(
  mapped: MappedEvent,
  ctx: CheckContext<SegmentCredentials, SegmentOptions>,
): Record<string, unknown> | undefined {
  const { event } = mapped;
  const ids = event.user.externalId
    ? { userId: event.user.externalId }
    : event.sessionId
      ? { anonymousId: event.sessionId }
      : undefined;
  if (!ids) return undefined;
  return {
    type: 'track',
    ...ids,
    event: mapped.name,
    messageId: event.dedupKey,
    timestamp: event.occurredAt.toISOString(),
    properties: propertiesOf(mapped),
    context: contextOf(mapped, ctx.defaultCountry),
  };
}

/**
 * Pure: one `POST /v1/batch` with `{batch: [track…]}` (core keeps chunks ≤ 500 kB; `check` has
 * refused events without userId/anonymousId or over 32 kB).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === SEGMENT_HOSTS.us ? SEGMENT_HOSTS[ctx.credentials.region] : ctx.baseUrl;
  return [
    {
      method: 'POST',
      url: `${host}/v1/batch`,
      headers: {
        'content-type': 'application/json',
        authorization: basicAuthorization(ctx.credentials.write_key),
      },
      body: { batch: events.map((mapped) => trackMessageOf(mapped, ctx)) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
