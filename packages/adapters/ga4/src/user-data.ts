import {
  type RelayEvent,
  hashIdentifier,
  hashName,
  normalizeCountry,
  normalizeEmailForGoogle,
  normalizeName,
  normalizePhoneE164,
} from '@relay/core';

/**
 * GA4 user-provided data (`user_data`), normalised and hashed as GA4 asks (the Google Ads
 * enhanced-conversions rules): email trimmed and lower-cased with gmail dots removed, phone in
 * E.164, names lower-cased without symbols; city, region, postal code and country in clear.
 */
export function ga4UserData(event: RelayEvent, defaultCountry: string): Record<string, unknown> | undefined {
  const { user } = event;
  const out: Record<string, unknown> = {};
  const email = hashIdentifier(user.email, normalizeEmailForGoogle);
  if (email) out['sha256_email_address'] = [email];
  const phone = hashIdentifier(user.phone, (v) => normalizePhoneE164(v, defaultCountry));
  if (phone) out['sha256_phone_number'] = [phone];
  const address: Record<string, string> = {};
  const firstName = hashName(user.firstName);
  const lastName = hashName(user.lastName);
  const city = normalizeName(user.city?.replace(/\d/g, ''));
  const region = normalizeName(user.state);
  const postalCode = user.zip?.trim().replace(/[.~]/g, '');
  const country = normalizeCountry(user.country)?.toUpperCase();
  if (firstName) address['sha256_first_name'] = firstName;
  if (lastName) address['sha256_last_name'] = lastName;
  if (city) address['city'] = city;
  if (region) address['region'] = region;
  if (postalCode) address['postal_code'] = postalCode;
  if (country) address['country'] = country;
  if (Object.keys(address).length > 0) out['address'] = [address];
  return Object.keys(out).length > 0 ? out : undefined;
}
