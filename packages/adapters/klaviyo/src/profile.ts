import { type RelayEvent, normalizeEmail, normalizePhoneE164, withoutUndefined } from '@relay/core';

/** Klaviyo profile attributes (raw, unhashed PII; phone in E.164). */
export interface KlaviyoProfileAttributes {
  email?: string;
  phone_number?: string;
  external_id?: string;
  first_name?: string;
  last_name?: string;
  location?: Partial<Record<'city' | 'region' | 'zip' | 'country' | 'ip', string>>;
}

/**
 * The event's profile: email trimmed and lower-cased, phone as E.164 (default country from the
 * context), external id, names and location as given. Klaviyo takes them unhashed.
 */
export function profileOf(event: RelayEvent, defaultCountry: string): KlaviyoProfileAttributes {
  const { user } = event;
  const country = user.country && /^[a-z]{2}$/i.test(user.country) ? user.country : defaultCountry;
  const location = withoutUndefined({
    city: user.city,
    region: user.state,
    zip: user.zip,
    country: user.country,
    ip: user.ip,
  });
  return withoutUndefined({
    email: normalizeEmail(user.email),
    phone_number: normalizePhoneE164(user.phone, country),
    external_id: user.externalId,
    first_name: user.firstName,
    last_name: user.lastName,
    location: Object.keys(location).length > 0 ? location : undefined,
  });
}

/** Klaviyo needs one profile identifier: email, phone number or external id. */
export const hasProfileIdentifier = (profile: KlaviyoProfileAttributes): boolean =>
  Boolean(profile.email ?? profile.phone_number ?? profile.external_id);
