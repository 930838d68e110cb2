import {
  type RelayEvent,
  hashIdentifier,
  hashPhoneDigits,
  hashZip,
  normalizeCity,
  normalizeEmail,
  normalizeExternalId,
} from '@relay/core';

/** One `matchKeys` item: Amazon takes exactly one value per key. */
export interface MatchKey {
  type: 'EMAIL' | 'PHONE' | 'FIRST_NAME' | 'LAST_NAME' | 'CITY' | 'STATE' | 'POSTAL' | 'MATCH_ID' | 'FIP';
  values: [string];
}

/**
 * Amazon's email rule: lower-case, trimmed, and every character other than `a-z`, `0-9`, `.`,
 * `@` and `-` removed (so a `+tag` keeps its letters but loses the plus sign).
 */
export function normalizeEmailForAmazon(value: string): string | undefined {
  const email = normalizeEmail(value)?.replace(/[^a-z0-9.@-]/g, '');
  return email?.includes('@') ? email : undefined;
}

/**
 * Amazon's rule for names, city and state: lower-case letters and digits only. It is the rule
 * of core's `normalizeCity`, applied to every one of them.
 */
const lettersAndDigits = (value: string) => normalizeCity(value);

/**
 * The event's `matchKeys`, in a fixed order. PII keys are SHA-256 hex of Amazon's normalised
 * form (64-hex values pass through unchanged); `MATCH_ID` (the OMS customer id, an opaque
 * advertiser id also settable in the Amazon Ad Tag) and `FIP` (the full IP address) are sent
 * raw, as the spec requires. `countryCode` (the event's country, ISO alpha-2) sets the calling
 * code of phones without one and the ZIP rule.
 */
export function matchKeysOf(event: RelayEvent, countryCode: string): MatchKey[] {
  const { user } = event;
  const candidates: Array<[MatchKey['type'], string | undefined]> = [
    ['EMAIL', hashIdentifier(user.email, normalizeEmailForAmazon)],
    ['PHONE', hashPhoneDigits(user.phone, countryCode)],
    ['FIRST_NAME', hashIdentifier(user.firstName, lettersAndDigits)],
    ['LAST_NAME', hashIdentifier(user.lastName, lettersAndDigits)],
    ['CITY', hashIdentifier(user.city, lettersAndDigits)],
    ['STATE', hashIdentifier(user.state, lettersAndDigits)],
    ['POSTAL', hashZip(user.zip, countryCode.toLowerCase())],
    ['MATCH_ID', normalizeExternalId(user.externalId)],
    ['FIP', user.ip?.trim() || undefined],
  ];
  return candidates.flatMap(([type, value]) => (value === undefined ? [] : [{ type, values: [value] }]));
}
