import {
  type RelayEvent,
  hashIdentifier,
  hashName,
  normalizeCountry,
  normalizeEmailForGoogle,
  normalizePhoneE164,
  normalizeZip,
} from '@relay/core';

/** Hashed identity per Google's formatting rules (Data Manager "Format user data"). */
export interface GoogleIdentity {
  email?: string;
  phone?: string;
  address?: { givenName: string; familyName: string; regionCode: string; postalCode: string };
}

/** SHA-256 hex of the email after Google's normalisation (gmail dots and +tag removed). */
export const hashGoogleEmail = (value: string | undefined) => hashIdentifier(value, normalizeEmailForGoogle);

/** SHA-256 hex of the E.164 phone number (with `+`). */
export const hashGooglePhone = (value: string | undefined, defaultCountry: string) =>
  hashIdentifier(value, (v) => normalizePhoneE164(v, defaultCountry));

export function googleIdentity(event: RelayEvent, defaultCountry: string): GoogleIdentity {
  const { user } = event;
  const identity: GoogleIdentity = {};
  const email = hashGoogleEmail(user.email);
  if (email) identity.email = email;
  const phone = hashGooglePhone(user.phone, defaultCountry);
  if (phone) identity.phone = phone;
  // An address needs all four parts; names hashed, region code and postal code in clear.
  const givenName = hashName(user.firstName);
  const familyName = hashName(user.lastName);
  const regionCode = normalizeCountry(user.country)?.toUpperCase();
  const postalCode = normalizeZip(user.zip, regionCode);
  if (givenName && familyName && regionCode && postalCode) {
    identity.address = { givenName, familyName, regionCode, postalCode };
  }
  return identity;
}

export type ClickIdentifier = { gclid: string } | { gbraid: string } | { wbraid: string };

/** The one click id sent (Google accepts only one of gclid, gbraid, wbraid per conversion). */
export function clickIdentifier(event: RelayEvent): ClickIdentifier | undefined {
  const { gclid, gbraid, wbraid } = event.clickIds;
  if (gclid) return { gclid };
  if (gbraid) return { gbraid };
  if (wbraid) return { wbraid };
  return undefined;
}
