import { type RelayEvent, hashEmailForMicrosoft, hashExternalId, hashPhoneE164 } from '@relay/core';

/**
 * The hashed identifiers Microsoft takes, normalised its way: email trimmed, lower-cased,
 * without dots or `+alias` in the local part; phone E.164 **with** the `+`
 * (`+14255551234`); both SHA-256 hex. Already-hashed values pass through.
 */
export function hashedIdentifiersOf(event: RelayEvent, defaultCountry: string): { em?: string; ph?: string } {
  const out: { em?: string; ph?: string } = {};
  const em = hashEmailForMicrosoft(event.user.email);
  const country = event.user.country?.trim();
  const ph = hashPhoneE164(
    event.user.phone,
    country && /^[a-z]{2}$/i.test(country) ? country : defaultCountry,
  );
  if (em) out.em = em;
  if (ph) out.ph = ph;
  return out;
}

/** UET `userData`: hashed em/ph, the hashed external id, the click id, then IP and user agent. */
export function uetUserDataOf(event: RelayEvent, defaultCountry: string): Record<string, string> {
  const data: Record<string, string> = { ...hashedIdentifiersOf(event, defaultCountry) };
  // Microsoft: "never send real user IDs … apply a hash".
  const externalId = hashExternalId(event.user.externalId);
  if (externalId) data['externalId'] = externalId;
  if (event.clickIds.msclkid) data['msclkid'] = event.clickIds.msclkid;
  if (event.user.ip) data['clientIpAddress'] = event.user.ip;
  if (event.user.userAgent) data['clientUserAgent'] = event.user.userAgent;
  return data;
}

/** UET needs at least one of anonymousId, externalId, em, ph, msclkid, idfa, gaid; Relay has four of them. */
export function hasUetIdentifier(userData: Record<string, string>): boolean {
  return ['externalId', 'em', 'ph', 'msclkid'].some((key) => userData[key] !== undefined);
}
