import {
  hashCity,
  hashCountry,
  hashEmail,
  hashExternalId,
  hashName,
  hashPhoneDigits,
  hashState,
  hashZip,
} from './identity';
import type { UserIdentifiers } from './relay-event';

/**
 * The hashed customer-information keys that Meta's Conversions API introduced and Snap and
 * Pinterest copied (`em`, `ph`, `fn`, `ln`, `ct`, `st`, `zp`, `country`, `external_id`), each
 * as a one-element array of SHA-256 hex. Phones are E.164 digits without `+`; city lower-case
 * without spaces; state and country two-letter lower-case; ZIP lower-case without spaces (US
 * ZIP+4 cut to five digits). Already-hashed values pass through; absent keys are left out.
 */
export interface HashedMatchKeys {
  em?: string[];
  ph?: string[];
  fn?: string[];
  ln?: string[];
  ct?: string[];
  st?: string[];
  zp?: string[];
  country?: string[];
  external_id?: string[];
}

export function hashedMatchKeys(user: UserIdentifiers, defaultCountry = 'US'): HashedMatchKeys {
  const country = user.country?.trim().toLowerCase();
  const keys: Array<[keyof HashedMatchKeys, string | undefined]> = [
    ['em', hashEmail(user.email)],
    ['ph', hashPhoneDigits(user.phone, country && /^[a-z]{2}$/.test(country) ? country : defaultCountry)],
    ['fn', hashName(user.firstName)],
    ['ln', hashName(user.lastName)],
    ['ct', hashCity(user.city)],
    ['st', hashState(user.state)],
    ['zp', hashZip(user.zip, country)],
    ['country', hashCountry(user.country)],
    ['external_id', hashExternalId(user.externalId)],
  ];
  const out: HashedMatchKeys = {};
  for (const [key, value] of keys) if (value !== undefined) out[key] = [value];
  return out;
}
