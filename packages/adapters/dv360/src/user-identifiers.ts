import {
  type RelayEvent,
  hashIdentifier,
  hashName,
  normalizeCountry,
  normalizeEmailForGoogle,
  normalizePhoneE164,
  normalizeZip,
  withoutUndefined,
} from '@relay/core';

/** One CM360 `UserIdentifier`: exactly one of hashedEmail, hashedPhoneNumber, addressInfo. */
export type UserIdentifier =
  | { hashedEmail: string }
  | { hashedPhoneNumber: string }
  | { addressInfo: Record<string, string> };

/**
 * Enhanced-conversion identifiers (at most 5), normalised as Google Ads asks: email with Google's
 * rules (gmail dots and +tag removed), phone E.164 with `+`, names lower case; all SHA-256 hex,
 * already-hashed values unchanged. The address is sent only with both names and a country.
 */
export function userIdentifiersOf(event: RelayEvent, defaultCountry: string): UserIdentifier[] {
  const { user } = event;
  const out: UserIdentifier[] = [];
  const hashedEmail = hashIdentifier(user.email, normalizeEmailForGoogle);
  if (hashedEmail) out.push({ hashedEmail });
  const country = normalizeCountry(user.country);
  const hashedPhoneNumber = hashIdentifier(user.phone, (v) =>
    normalizePhoneE164(v, country ?? defaultCountry),
  );
  if (hashedPhoneNumber) out.push({ hashedPhoneNumber });
  const hashedFirstName = hashName(user.firstName);
  const hashedLastName = hashName(user.lastName);
  if (hashedFirstName && hashedLastName && country) {
    const addressInfo = withoutUndefined({
      hashedFirstName,
      hashedLastName,
      city: user.city,
      state: user.state,
      postalCode: normalizeZip(user.zip, country),
      countryCode: country.toUpperCase(),
    });
    out.push({ addressInfo: addressInfo as Record<string, string> });
  }
  return out.slice(0, 5);
}
