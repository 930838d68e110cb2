import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  hashEmail,
  hashPhoneDigits,
  hashPhoneE164,
  normalizeCountry,
  withoutUndefined,
} from '@relay/core';
import { SPOTIFY_EVENT_NAMES } from './event-map';
import type { SpotifyAdsCredentials, SpotifyAdsOptions } from './schemas';

type Ctx = BuildContext<SpotifyAdsCredentials, SpotifyAdsOptions>;

const PLATFORM = 'Spotify Conversions API';

/** `user_data`: SHA-256 email (trimmed, lower case) and phone, and the client IP in the clear. */
export function userDataOf(
  mapped: MappedEvent,
  ctx: CheckContext<SpotifyAdsCredentials, SpotifyAdsOptions>,
): Record<string, unknown> {
  const { user } = mapped.event;
  const country = normalizeCountry(user.country) ?? ctx.defaultCountry;
  const hashPhone = ctx.options.phone_format === 'digits' ? hashPhoneDigits : hashPhoneE164;
  const email = hashEmail(user.email);
  return withoutUndefined({
    ip_address: user.ip,
    hashed_emails: email === undefined ? undefined : [email],
    hashed_phone_number: hashPhone(user.phone, country),
  });
}

/** `opt_out_targeting`: true when either consent is denied, false when one is granted, else the option. */
function optOutOf(mapped: MappedEvent, ctx: Ctx): boolean {
  const { adUserData, adPersonalization } = mapped.event.consent;
  if (adUserData === 'denied' || adPersonalization === 'denied') return true;
  if (adUserData === 'granted' || adPersonalization === 'granted') return false;
  return ctx.options.opt_out_targeting;
}

/** One item of `conversion_events.events`. */
export function conversionEventOf(mapped: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const { event } = mapped;
  return withoutUndefined({
    event_name: mapped.name,
    event_id: event.dedupKey,
    event_time: event.occurredAt.toISOString(),
    user_data: userDataOf(mapped, ctx),
    // content_category must be a Google Product Taxonomy value (anything else is a 400), so it is not sent.
    event_details: event.value === undefined ? undefined : { currency: event.currency, amount: event.value },
    event_source_url: event.pageUrl && /^https?:\/\//i.test(event.pageUrl) ? event.pageUrl : undefined,
    action_source: ctx.options.action_source,
    opt_out_targeting: optOutOf(mapped, ctx),
  });
}

/** Events Spotify would refuse, refused before sending: a name outside its list, no identifier. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<SpotifyAdsCredentials, SpotifyAdsOptions>,
): Refusal | undefined {
  if (!SPOTIFY_EVENT_NAMES.has(mapped.name)) {
    return {
      status: 'rejected',
      code: 'unknown_event_name',
      reason: `${PLATFORM} accepts only PURCHASE, LEAD, ADD_TO_CART, CHECK_OUT, PRODUCT, VIEW, SIGN_UP and CUSTOM_EVENT_1 … 5; '${mapped.name}' is not one of them`,
    };
  }
  if (Object.keys(userDataOf(mapped, ctx)).length === 0) {
    return {
      status: 'rejected',
      code: 'missing_user_data',
      reason: `${PLATFORM} needs at least one identifier (client IP, hashed email or hashed phone); this event has none`,
    };
  }
  return undefined;
}

/**
 * Pure: one `POST /capi-direct/events/` for the events of the chunk, wrapped in
 * `{conversion_events: {capi_connection_id, events}}` (`check` refused the others).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/capi-direct/events/`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ctx.credentials.access_token}`,
      },
      body: {
        conversion_events: {
          capi_connection_id: ctx.credentials.connection_id,
          events: events.map((mapped) => conversionEventOf(mapped, ctx)),
        },
      },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
