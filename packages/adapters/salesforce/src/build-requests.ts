import {
  type BuildContext,
  type HttpRequest,
  type MappedEvent,
  type RelayEvent,
  normalizeEmail,
  normalizeExternalId,
  normalizePhoneE164,
  withoutUndefined,
} from '@relay/core';
import type { SalesforceCredentials, SalesforceOptions } from './schemas';
import { SFMC_API_VERSION } from './version';

type Ctx = BuildContext<SalesforceCredentials, SalesforceOptions>;

/** The adapter's nominal base URL; the credential's subdomain replaces it unless `base_url` overrides. */
export const SFMC_DEFAULT_BASE_URL = 'https://{subdomain}.rest.marketingcloudapis.com';

/** REST host of the tenant, or the `base_url` override (a sandbox or the simulator). */
export const restHostOf = (ctx: Ctx): string =>
  ctx.baseUrl === SFMC_DEFAULT_BASE_URL
    ? `https://${ctx.credentials.subdomain}.rest.marketingcloudapis.com`
    : ctx.baseUrl;

/** The primary-key column of the data extension: Relay's dedup key. */
export const PRIMARY_KEY_COLUMN = 'EventId';

/**
 * The columns Relay writes, the same for both targets. Marketing Cloud refuses an event or row
 * that names a field its data extension lacks, so the set is fixed and documented (README);
 * values the event does not have are left out (nullable columns).
 */
export function columnsOf(mapped: MappedEvent, defaultCountry: string): Record<string, string | number> {
  const { event } = mapped;
  const { user } = event;
  const country = user.country && /^[a-z]{2}$/i.test(user.country) ? user.country : defaultCountry;
  return withoutUndefined({
    [PRIMARY_KEY_COLUMN]: event.dedupKey,
    EventName: mapped.name,
    OmsEventName: event.eventName,
    Storefront: event.storefront,
    OrderId: event.orderId,
    EventTime: event.occurredAt.toISOString(),
    Value: event.value,
    Currency: event.value === undefined ? undefined : event.currency,
    Email: normalizeEmail(user.email),
    Phone: normalizePhoneE164(user.phone, country),
    FirstName: user.firstName?.trim() || undefined,
    LastName: user.lastName?.trim() || undefined,
    ExternalId: normalizeExternalId(user.externalId),
    SessionId: event.sessionId,
    UtmSource: event.utm.source,
    UtmMedium: event.utm.medium,
    UtmCampaign: event.utm.campaign,
    Affiliate: event.affiliate,
    PageUrl: event.pageUrl,
  }) as Record<string, string | number>;
}

/** The ContactKey of an event under the `contact_key` option, or undefined. */
export function contactKeyOf(
  event: RelayEvent,
  source: SalesforceOptions['contact_key'],
): string | undefined {
  return source === 'email' ? normalizeEmail(event.user.email) : normalizeExternalId(event.user.externalId);
}

const headersOf = (ctx: Ctx): Record<string, string> => ({
  'content-type': 'application/json; charset=utf-8',
  authorization: `Bearer ${ctx.accessToken ?? ''}`,
});

/** Journey Builder: one `POST /interaction/v1/events` per event (the API takes one contact per call). */
function journeyRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const url = `${restHostOf(ctx)}/interaction/${SFMC_API_VERSION}/events`;
  return events.map((mapped, index) => ({
    method: 'POST',
    url,
    headers: headersOf(ctx),
    body: {
      ContactKey: contactKeyOf(mapped.event, ctx.options.contact_key),
      EventDefinitionKey: ctx.options.event_definition_key,
      Data: columnsOf(mapped, ctx.defaultCountry),
    },
    eventIndexes: [index],
  }));
}

/** Data extension: one `POST /hub/v1/dataevents/key:{key}/rowset` upserting a row per event, keyed by `EventId`. */
function rowsetRequest(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const key = encodeURIComponent(ctx.options.data_extension_key ?? '');
  const rows = events.map((mapped) => {
    const { [PRIMARY_KEY_COLUMN]: id, ...values } = columnsOf(mapped, ctx.defaultCountry);
    const contactKey = contactKeyOf(mapped.event, ctx.options.contact_key);
    return {
      keys: { [PRIMARY_KEY_COLUMN]: id },
      values: contactKey ? { ContactKey: contactKey, ...values } : values,
    };
  });
  return [
    {
      method: 'POST',
      url: `${restHostOf(ctx)}/hub/${SFMC_API_VERSION}/dataevents/key:${key}/rowset`,
      headers: headersOf(ctx),
      body: rows,
      eventIndexes: events.map((_, i) => i),
    },
  ];
}

/**
 * Pure: journey entry events (one request per event; `check` refused events without a
 * ContactKey) or one data extension rowset upsert per chunk (core keeps chunks ≤ 50 rows).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return ctx.options.target === 'data_extension' ? rowsetRequest(events, ctx) : journeyRequests(events, ctx);
}
