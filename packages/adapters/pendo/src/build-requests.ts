import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  bodyBytes,
  contextProperties,
  normalizeEmail,
  normalizeExternalId,
  withoutUndefined,
} from '@relay/core';
import type { PendoCredentials, PendoOptions } from './schemas';

type Ctx = BuildContext<PendoCredentials, PendoOptions>;

/** The app host of each Pendo data region; Track Events go to `{host}/data/track`. */
export const PENDO_HOSTS = {
  us: 'https://app.pendo.io',
  us1: 'https://us1.app.pendo.io',
  eu: 'https://app.eu.pendo.io',
  jpn: 'https://app.jpn.pendo.io',
  au: 'https://app.au.pendo.io',
} as const;

/** Pendo shows a properties object over 512 bytes of JSON as "event properties JSON too large". */
export const PROPERTIES_MAX_BYTES = 512;

/**
 * Every property Relay would send for an event, most important first: `order_id`, `revenue` and
 * `currency` (when the event has a value), then the OMS context (`oms_event_name`, `storefront`,
 * `session_id`, `utm_*`, `affiliate`). All names are letters, digits and underscores, ≤ 32
 * characters, as Pendo requires.
 */
export function allPropertiesOf(mapped: MappedEvent): Record<string, string | number> {
  const { event } = mapped;
  return withoutUndefined({
    order_id: event.orderId,
    revenue: event.value,
    currency: event.value !== undefined ? event.currency : undefined,
    ...contextProperties(event),
  }) as Record<string, string | number>;
}

/**
 * The properties actually sent: `allPropertiesOf` with the least important keys dropped until the
 * JSON is at most 512 bytes (the parser reports the dropped keys as warnings).
 */
export function propertiesOf(mapped: MappedEvent): Record<string, string | number> {
  const entries = Object.entries(allPropertiesOf(mapped));
  while (entries.length > 0 && bodyBytes(Object.fromEntries(entries)) > PROPERTIES_MAX_BYTES) entries.pop();
  return Object.fromEntries(entries);
}

function visitorIdOf(
  mapped: MappedEvent,
  ctx: CheckContext<PendoCredentials, PendoOptions>,
): string | undefined {
  const { user } = mapped.event;
  return (
    normalizeExternalId(user.externalId) ??
    (ctx.options.identify_by_email ? normalizeEmail(user.email) : undefined)
  );
}

/** Pendo needs a visitorId: an event without one is refused before sending. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<PendoCredentials, PendoOptions>,
): Refusal | undefined {
  if (visitorIdOf(mapped, ctx) !== undefined) return undefined;
  return {
    status: 'rejected',
    code: 'missing_visitor_id',
    reason: 'Pendo needs a visitorId: an external_id/customer_id, or an email when identify_by_email is on',
  };
}

/**
 * Pure: one `POST {region host}/data/track` per event (Pendo takes one Track Event per request),
 * authenticated by the app's Track Event shared secret in `x-pendo-integration-key` (`check`
 * refused events without a visitor id).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === PENDO_HOSTS.us ? PENDO_HOSTS[ctx.credentials.region] : ctx.baseUrl;
  return events.map((mapped, index) => {
    const { event } = mapped;
    return {
      method: 'POST',
      url: `${host}/data/track`,
      headers: {
        'content-type': 'application/json',
        'x-pendo-integration-key': ctx.credentials.track_event_secret,
      },
      body: withoutUndefined({
        type: 'track',
        event: mapped.name,
        visitorId: visitorIdOf(mapped, ctx),
        accountId: ctx.options.account_id === 'storefront' ? event.storefront : undefined,
        timestamp: event.occurredAt.getTime(),
        properties: propertiesOf(mapped),
        // Required, may be empty.
        context: withoutUndefined({ ip: event.user.ip, userAgent: event.user.userAgent, url: event.pageUrl }),
      }),
      eventIndexes: [index],
    };
  });
}
