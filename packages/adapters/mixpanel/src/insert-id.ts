import { sha256Hex } from '@relay/core';

const VALID_INSERT_ID = /^[A-Za-z0-9-]{1,36}$/;

/**
 * Mixpanel's `$insert_id` allows at most 36 letters, digits or dashes. A dedup key that fits is
 * sent as is; any other (Relay's default `storefront:event:order` has colons) becomes the first
 * 32 hex characters of its SHA-256, the same for every replay.
 */
export function insertIdOf(dedupKey: string): string {
  return VALID_INSERT_ID.test(dedupKey) ? dedupKey : sha256Hex(dedupKey).slice(0, 32);
}
