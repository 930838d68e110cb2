import {
  type BuildContext,
  type HttpRequest,
  type MappedEvent,
  hashEmail,
  hashExternalId,
  hashName,
  hashPhoneE164,
} from '@relay/core';
import { clientIdOf } from './client-id';
import type { SgtmCredentials, SgtmOptions } from './schemas';

/** Drop `undefined` values so bodies are stable and small. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The JSON body the custom client receives for one event: every field Relay knows, with
 * personal identifiers SHA-256 hashed (email trimmed and lower-cased, phone E.164 with `+`,
 * names lower-cased without punctuation, external id as is) and nothing else transformed.
 */
export function customEventBody({ event, name, custom }: MappedEvent, defaultCountry: string) {
  const { user } = event;
  return compact({
    event_name: name,
    oms_event_name: event.eventName,
    custom_event: custom,
    event_id: event.dedupKey,
    event_time: event.occurredAt.toISOString(),
    timestamp_micros: event.occurredAt.getTime() * 1000,
    storefront_id: event.storefront,
    order_id: event.orderId,
    value: event.value,
    currency: event.currency,
    client_id: clientIdOf(event),
    session_id: event.sessionId,
    user: compact({
      user_id: user.externalId,
      sha256_email_address: hashEmail(user.email),
      sha256_phone_number: hashPhoneE164(user.phone, defaultCountry),
      sha256_first_name: hashName(user.firstName),
      sha256_last_name: hashName(user.lastName),
      sha256_external_id: hashExternalId(user.externalId),
      city: user.city,
      region: user.state,
      postal_code: user.zip,
      country: user.country,
      ip_address: user.ip,
      user_agent: user.userAgent,
    }),
    click_ids: event.clickIds,
    utm: event.utm,
    affiliate: event.affiliate,
    page_location: event.pageUrl,
    page_referrer: event.referrer,
    items: event.items,
    consent: compact({
      ad_user_data: event.consent.adUserData,
      ad_personalization: event.consent.adPersonalization,
    }),
    properties: event.properties,
  });
}

/** One POST per event to `{base}{custom_endpoint_path}` with the configured headers. */
export function customRequests(
  events: MappedEvent[],
  ctx: BuildContext<SgtmCredentials, SgtmOptions>,
  base: string,
): HttpRequest[] {
  const { credentials } = ctx;
  const headers = { ...credentials.custom_headers, 'content-type': 'application/json' };
  return events.map((mapped, index) => ({
    method: 'POST',
    url: `${base}${credentials.custom_endpoint_path}`,
    headers,
    body: customEventBody(mapped, ctx.defaultCountry),
    eventIndexes: [index],
  }));
}
