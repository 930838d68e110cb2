import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { regionCodeOf } from './region-codes';

/**
 * Identity normalisation and hashing, following the rules the ad platforms share
 * (Meta, Google, TikTok, Snap, Pinterest…): trim, lower-case, strip what they say to strip,
 * then SHA-256 as lowercase hex. A value that is already a SHA-256 hex digest is passed
 * through unchanged (lower-cased), so nothing is ever hashed twice.
 */

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Lower-case, trimmed email; `undefined` when nothing usable is left. */
export function normalizeEmail(value: string | undefined | null): string | undefined {
  if (value == null) return undefined;
  const email = String(value).trim().toLowerCase();
  return email.includes('@') ? email : undefined;
}

/**
 * Canonical email as Google's Data Manager / Enhanced Conversions ask for it: leading,
 * trailing and intermediate whitespace removed, lower-cased, and for gmail.com / googlemail.com addresses, dots removed from the local part and a `+tag`
 * suffix dropped (`cloudy.sanfrancisco+shopping@gmail.com` → `cloudysanfrancisco@gmail.com`);
 * other domains keep their dots and plus signs.
 */
export function normalizeEmailForGoogle(value: string | undefined | null): string | undefined {
  const email = normalizeEmail(value == null ? value : String(value).replace(/\s+/g, ''));
  if (!email) return undefined;
  const [local, domain] = email.split('@') as [string, string];
  if (domain === 'gmail.com' || domain === 'googlemail.com')
    return `${local.split('+')[0]!.replace(/\./g, '')}@${domain}`;
  return email;
}

/**
 * E.164 phone number (`+15551234567`), using `defaultCountry` when the number has no
 * country code. `undefined` when the number cannot be parsed.
 */
export function normalizePhoneE164(
  value: string | undefined | null,
  defaultCountry: string = 'US',
): string | undefined {
  if (value == null) return undefined;
  const raw = String(value).trim();
  if (raw === '') return undefined;
  const cleaned = raw.replace(/[^\d+]/g, '');
  const withPlus = cleaned.startsWith('00') ? `+${cleaned.slice(2)}` : cleaned;
  const parsed = parsePhoneNumberFromString(withPlus, defaultCountry.toUpperCase() as CountryCode);
  if (parsed?.isPossible()) return parsed.number;
  const digits = withPlus.replace(/\D/g, '');
  if (withPlus.startsWith('+') && digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  return undefined;
}

/** E.164 digits without the plus sign (Meta, TikTok, Snap, Pinterest: `15551234567`). */
export function normalizePhoneDigits(
  value: string | undefined | null,
  defaultCountry: string = 'US',
): string | undefined {
  return normalizePhoneE164(value, defaultCountry)?.slice(1);
}

/** Names: trimmed, lower-case, punctuation removed, inner whitespace collapsed (`"Mary-Ann "` → `maryann`). */
export function normalizeName(value: string | undefined | null): string | undefined {
  if (value == null) return undefined;
  const name = String(value)
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name === '' ? undefined : name;
}

/** City: lower-case letters only, no spaces or punctuation (`"New York"` → `newyork`). */
export function normalizeCity(value: string | undefined | null): string | undefined {
  if (value == null) return undefined;
  const city = String(value)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return city === '' ? undefined : city;
}

/**
 * State/region: a US state or Canadian province as its two-letter code, lower-case, whether it
 * came as the code or the full name (`"CA"`, `"California"` → `ca`; `"Québec"` → `qc`), as Meta
 * asks ("the 2-character ANSI abbreviation code in lowercase"). Other regions: lower-case letters
 * and digits only, no spaces or punctuation (`"Île-de-France"` → `îledefrance`).
 */
export function normalizeState(value: string | undefined | null): string | undefined {
  const region = normalizeCity(value);
  if (region === undefined) return undefined;
  const ascii = region.normalize('NFD').replace(/\p{M}/gu, '');
  return regionCodeOf(ascii) ?? region;
}

/** Postal code: lower-case, no spaces or dashes; US ZIP+4 cut to the first five digits. */
export function normalizeZip(value: string | undefined | null, country?: string): string | undefined {
  if (value == null) return undefined;
  const zip = String(value).trim().toLowerCase().replace(/[\s-]/g, '');
  if (zip === '') return undefined;
  if ((country === undefined || country.toLowerCase() === 'us') && /^\d{9}$/.test(zip))
    return zip.slice(0, 5);
  return zip;
}

/** ISO 3166-1 alpha-2 country, lower-case (`" US "` → `us`); `undefined` when not two letters. */
export function normalizeCountry(value: string | undefined | null): string | undefined {
  if (value == null) return undefined;
  const country = String(value).trim().toLowerCase();
  return /^[a-z]{2}$/.test(country) ? country : undefined;
}

/** External ids are trimmed and kept in their case unless a platform asks otherwise. */
export function normalizeExternalId(value: string | number | undefined | null): string | undefined {
  if (value == null) return undefined;
  const id = String(value).trim();
  return id === '' ? undefined : id;
}

/**
 * Hash an identifier after normalising it with `normalize`. Values that are already
 * SHA-256 hex are returned lower-cased and unchanged; empty values give `undefined`.
 */
export function hashIdentifier(
  value: string | number | undefined | null,
  normalize: (value: string) => string | undefined = (v) => v.trim().toLowerCase() || undefined,
): string | undefined {
  if (value == null) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (isSha256Hex(text)) return text.toLowerCase();
  const normalized = normalize(text);
  return normalized === undefined ? undefined : sha256Hex(normalized);
}

export const hashEmail = (value: string | undefined | null) => hashIdentifier(value, normalizeEmail);
export const hashPhoneDigits = (value: string | undefined | null, defaultCountry = 'US') =>
  hashIdentifier(value, (v) => normalizePhoneDigits(v, defaultCountry));
export const hashPhoneE164 = (value: string | undefined | null, defaultCountry = 'US') =>
  hashIdentifier(value, (v) => normalizePhoneE164(v, defaultCountry));
export const hashName = (value: string | undefined | null) => hashIdentifier(value, normalizeName);
export const hashCity = (value: string | undefined | null) => hashIdentifier(value, normalizeCity);
export const hashState = (value: string | undefined | null) => hashIdentifier(value, normalizeState);
export const hashZip = (value: string | undefined | null, country?: string) =>
  hashIdentifier(value, (v) => normalizeZip(v, country));
export const hashCountry = (value: string | undefined | null) => hashIdentifier(value, normalizeCountry);
export const hashExternalId = (value: string | number | undefined | null) =>
  hashIdentifier(value, normalizeExternalId);
