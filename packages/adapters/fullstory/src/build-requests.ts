import { type BuildContext, type HttpRequest, type MappedEvent, normalizeCountry } from '@relay/core';
import type { FullstoryCredentials, FullstoryOptions } from './schemas';
import { FULLSTORY_API_VERSION } from './version';

type Ctx = BuildContext<FullstoryCredentials, FullstoryOptions>;

const HOSTS = { na1: 'https://api.fullstory.com', eu1: 'https://api.eu1.fullstory.com' } as const;

const compact = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The `CreateEventRequest`: name, the event's own time, user by uid, properties, browser and location context. */
export function eventBody({ event, name }: MappedEvent, ctx: Ctx) {
  const browser = compact({
    url: event.pageUrl,
    user_agent: event.user.userAgent,
    initial_referrer: event.referrer,
  });
  const country = normalizeCountry(event.user.country)?.toUpperCase();
  const location = compact({ ip_address: event.user.ip, city: event.user.city, country });
  const context = compact({
    browser: Object.keys(browser).length > 0 ? browser : undefined,
    location: Object.keys(location).length > 0 ? location : undefined,
  });
  const user = event.user.externalId ? { uid: event.user.externalId.slice(0, 256) } : undefined;
  return {
    name,
    timestamp: event.occurredAt.toISOString(),
    ...(user && { user }),
    ...(user && ctx.options.use_most_recent_session && { session: { use_most_recent: true } }),
    ...(Object.keys(context).length > 0 && { context }),
    properties: compact({
      order_id: event.orderId,
      revenue: event.value,
      currency: event.value !== undefined ? event.currency : undefined,
      oms_event_name: event.eventName,
      session_id: event.sessionId,
      utm_source: event.utm.source,
      utm_medium: event.utm.medium,
      utm_campaign: event.utm.campaign,
      affiliate: event.affiliate,
      items: event.items.length > 0 ? event.items : undefined,
    }),
  };
}

/**
 * Pure: one synchronous `POST /v2/events` per event with `Idempotency-Key` = Relay's dedup key,
 * so a retry or replay never records the event twice.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === HOSTS.na1 ? HOSTS[ctx.credentials.region] : ctx.baseUrl;
  return events.map((mapped, index) => ({
    method: 'POST',
    url: `${host}/${FULLSTORY_API_VERSION}/events`,
    headers: {
      authorization: `Basic ${ctx.credentials.api_key}`,
      'content-type': 'application/json',
      'idempotency-key': mapped.event.dedupKey,
    },
    body: eventBody(mapped, ctx),
    eventIndexes: [index],
  }));
}
