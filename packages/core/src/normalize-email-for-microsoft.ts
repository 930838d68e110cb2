import { hashIdentifier, normalizeEmail } from './identity';

/**
 * Email as Microsoft Advertising asks for it before hashing (UET Conversions API `em`,
 * offline conversions `HashedEmailAddress`, enhanced conversions): trimmed, lower-cased, every
 * dot removed from the local part and a `+alias` suffix dropped, for every domain
 * (`John.Doe+news@Example.com` → `johndoe@example.com`).
 */
export function normalizeEmailForMicrosoft(value: string | undefined | null): string | undefined {
  const email = normalizeEmail(value);
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at).split('+')[0]!.replace(/\./g, '');
  return local === '' ? undefined : `${local}${email.slice(at)}`;
}

/** SHA-256 hex of `normalizeEmailForMicrosoft`; an already-hashed value passes through. */
export const hashEmailForMicrosoft = (value: string | undefined | null) =>
  hashIdentifier(value, normalizeEmailForMicrosoft);
