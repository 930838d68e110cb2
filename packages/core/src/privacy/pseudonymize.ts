import { createHmac, randomBytes } from 'node:crypto';
import { ConfigError } from '../errors';

/** Bytes of a storefront's pseudonymisation key. */
export const PSEUDONYM_KEY_BYTES = 32;

/**
 * A new random pseudonymisation key for a storefront, base64url. The host stores it sealed like
 * any other secret; it is never derived from the encryption key, so rotating that key changes no
 * pseudonym.
 */
export function generatePseudonymKey(): string {
  return randomBytes(PSEUDONYM_KEY_BYTES).toString('base64url');
}

export function decodePseudonymKey(key: string | Uint8Array): Uint8Array {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64url') : key;
  if (bytes.length < 16) {
    throw new ConfigError('privacy: the storefront pseudonymisation key must be at least 16 bytes', {
      field: 'pseudonym_key',
    });
  }
  return bytes;
}

/**
 * The keyed pseudonym of an id: HMAC-SHA-256 over `kind` and the value, as 32 hex characters.
 * Stable (the same order id always gives the same pseudonym, so platform deduplication still
 * works) and not reversible without the storefront's key. `kind` separates order ids, user ids
 * and event ids, so equal values of different kinds do not share a pseudonym.
 */
export function pseudonymize(
  key: Uint8Array,
  kind: 'order_id' | 'user_id' | 'event_id',
  value: string,
): string {
  return createHmac('sha256', key).update(`${kind}\u0000${value}`, 'utf8').digest('hex').slice(0, 32);
}
