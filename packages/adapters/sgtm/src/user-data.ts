import {
  type UserIdentifiers,
  hashIdentifier,
  hashName,
  hashPhoneE164,
  normalizeEmailForGoogle,
  normalizeZip,
} from '@relay/core';

/** GA4 `user_data.address[]` entry: names hashed, location fields normalised in plain text. */
export interface Ga4Address {
  sha256_first_name?: string;
  sha256_last_name?: string;
  city?: string;
  region?: string;
  postal_code?: string;
  country?: string;
}

/** GA4 Measurement Protocol `user_data` (user-provided data). */
export interface Ga4UserData {
  sha256_email_address?: string[];
  sha256_phone_number?: string[];
  address?: Ga4Address[];
}

/** City and region for GA4: lower-case, digits and symbols removed, spaces kept single. */
function plainLocation(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const out = value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return out === '' ? undefined : out;
}

function country(value: string | undefined): string | undefined {
  const out = value?.trim().toUpperCase();
  return out && /^[A-Z]{2}$/.test(out) ? out : undefined;
}

function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/**
 * `user_data` per GA4's user-provided data rules: email trimmed and lower-cased with the dots
 * (and `+tag`) of gmail/googlemail local parts removed, phone in E.164 with `+`, names
 * lower-cased without punctuation, each SHA-256 hex; already-hashed values pass unchanged.
 * `undefined` when the event carries none of them.
 */
export function ga4UserData(user: UserIdentifiers, defaultCountry: string): Ga4UserData | undefined {
  const email = hashIdentifier(user.email, normalizeEmailForGoogle);
  const phone = hashPhoneE164(user.phone, defaultCountry);
  const address = compact<Ga4Address>({
    sha256_first_name: hashName(user.firstName),
    sha256_last_name: hashName(user.lastName),
    city: plainLocation(user.city),
    region: plainLocation(user.state),
    postal_code: normalizeZip(user.zip, user.country),
    country: country(user.country),
  });
  return compact<Ga4UserData>({
    sha256_email_address: email ? [email] : undefined,
    sha256_phone_number: phone ? [phone] : undefined,
    address: address ? [address] : undefined,
  });
}
