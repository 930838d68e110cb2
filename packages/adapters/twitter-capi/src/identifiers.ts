import { type RelayEvent, hashEmail, hashPhoneE164 } from '@relay/core';

export type XIdentifier =
  | { twclid: string }
  | { hashed_email: string }
  | { hashed_phone_number: string }
  | { ip_address: string; user_agent: string };

/**
 * X's identifiers: the click id, SHA-256 of the trimmed lower-case email and of the E.164 phone;
 * IP and user agent only together and only beside another identifier (X refuses them alone).
 */
export function xIdentifiers(event: RelayEvent, defaultCountry: string): XIdentifier[] {
  const out: XIdentifier[] = [];
  if (event.clickIds.twclid) out.push({ twclid: event.clickIds.twclid });
  const email = hashEmail(event.user.email);
  if (email) out.push({ hashed_email: email });
  const phone = hashPhoneE164(event.user.phone, defaultCountry);
  if (phone) out.push({ hashed_phone_number: phone });
  if (out.length > 0 && event.user.ip && event.user.userAgent) {
    out.push({ ip_address: event.user.ip, user_agent: event.user.userAgent });
  }
  return out;
}
