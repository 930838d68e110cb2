import {
  type RelayEvent,
  hashExternalId,
  hashIdentifier,
  hashPhoneE164,
  normalizeCountry,
  normalizeEmail,
  withoutUndefined,
} from '@relay/core';
import type { ActionSource, RedditCapiOptions } from './schemas';

/**
 * Email as Reddit canonicalises it before hashing ("Manual Advanced Matching", also used by the
 * Conversions API): lower case, everything from the first `+` to the `@` removed, then every
 * character of the local part that is not a letter or digit removed
 * (`Al.ice$+Apple@Example.Com` → `alice@example.com`).
 */
export function normalizeEmailForReddit(value: string | undefined | null): string | undefined {
  const email = normalizeEmail(value);
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  const local = email
    .slice(0, at)
    .split('+')[0]!
    .replace(/[^\p{L}\p{N}]/gu, '');
  return local === '' ? undefined : `${local}${email.slice(at)}`;
}

/** The v3 `user` object: hashed match keys, the raw user agent, and the LDU flag. */
export interface RedditUser {
  email?: string;
  phone_number?: string;
  external_id?: string;
  ip_address?: string;
  user_agent?: string;
  data_processing_options?: { modes: ['LDU']; country?: string; region?: string };
}

/**
 * Reddit `user` for an event. SHA-256 hex of: the canonical email, the E.164 phone (with `+`,
 * the user's own country else `defaultCountry`), the external id (trimmed, case kept) and the IP
 * address; the user agent is sent as is. Already-hashed values pass through. Offline
 * (`PHYSICAL_STORE`) events carry no device signals (IP, user agent), as Reddit asks.
 */
export function userOf(
  event: RelayEvent,
  actionSource: ActionSource,
  options: Pick<RedditCapiOptions, 'limited_data_use'>,
  defaultCountry: string,
): RedditUser {
  const { user } = event;
  const device = actionSource !== 'PHYSICAL_STORE';
  const ldu = options.limited_data_use;
  return withoutUndefined({
    email: hashIdentifier(user.email, normalizeEmailForReddit),
    phone_number: hashPhoneE164(user.phone, normalizeCountry(user.country) ?? defaultCountry),
    external_id: hashExternalId(user.externalId),
    ip_address: device ? hashIdentifier(user.ip) : undefined,
    user_agent: device ? user.userAgent : undefined,
    data_processing_options: ldu
      ? (withoutUndefined({
          modes: ['LDU'],
          country: ldu.country,
          region: ldu.region,
        }) as RedditUser['data_processing_options'])
      : undefined,
  });
}

/** Whether the user carries at least one match key (the LDU flag is not one). */
export function hasMatchKey(user: RedditUser): boolean {
  return (
    user.email !== undefined ||
    user.phone_number !== undefined ||
    user.external_id !== undefined ||
    user.ip_address !== undefined ||
    user.user_agent !== undefined
  );
}
