import { createHash } from 'node:crypto';
import {
  type RelayEvent,
  firstRecordText,
  isSha256Hex,
  normalizeEmail,
  normalizeExternalId,
  sha256Hex,
} from '@relay/core';

/** `id.email`: the hashed forms Criteo reads. */
export interface CriteoEmail {
  md5?: string;
  sha256?: string;
  sha256_md5?: string;
}

const MD5_HEX = /^[0-9a-f]{32}$/i;

const md5Hex = (value: string) => createHash('md5').update(value, 'utf8').digest('hex');

/**
 * The email as Criteo takes it: MD5 and SHA-256 of the trimmed, lower-cased address, and
 * SHA-256 of that MD5 hex. A SHA-256 hex value passes through as `sha256` only; an MD5 hex
 * value as `md5` with its `sha256_md5`. Nothing is sent in clear.
 */
export function criteoEmailOf(value: string | undefined): CriteoEmail | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (isSha256Hex(text)) return { sha256: text.toLowerCase() };
  if (MD5_HEX.test(text)) {
    const md5 = text.toLowerCase();
    return { md5, sha256_md5: sha256Hex(md5) };
  }
  const email = normalizeEmail(text);
  if (email === undefined) return undefined;
  const md5 = md5Hex(email);
  return { md5, sha256: sha256Hex(email), sha256_md5: sha256Hex(md5) };
}

/** OMS record keys (kept in `properties`) that carry the Criteo GUM id, the `crto_mapped_user_id` cookie. */
export const MAPPED_USER_ID_KEYS = ['crto_mapped_user_id', 'mapped_user_id'] as const;
/** Record keys of the first-party visitor id; the OMS customer id is the fallback. */
export const RETAILER_VISITOR_ID_KEYS = ['retailer_visitor_id'] as const;
/** Record keys of the OneTag page-view id that lets Criteo drop the browser copy of the event. */
export const PAGE_VIEW_ID_KEYS = ['deduplication_page_view_id', 'criteo_page_view_id'] as const;
/** Record key of Criteo's opt-out cookie (`crto_is_user_optout`). */
export const OPT_OUT_KEY = 'crto_is_user_optout';

/** The first non-empty text value of `keys` in the event's extra record keys. */
export function propertyOf(event: RelayEvent, keys: ReadonlyArray<string>): string | undefined {
  return firstRecordText(event, keys)?.value;
}

/** The retailer visitor id: the record's `retailer_visitor_id`, else the OMS customer id. */
export function retailerVisitorIdOf(event: RelayEvent): string | undefined {
  return propertyOf(event, RETAILER_VISITOR_ID_KEYS) ?? normalizeExternalId(event.user.externalId);
}

/** Why the user must not be tracked by Criteo (consent denied or Criteo opt-out), or `undefined`. */
export function optOutReasonOf(event: RelayEvent): string | undefined {
  if (propertyOf(event, [OPT_OUT_KEY])?.toLowerCase() === 'true') {
    return 'the user opted out of Criteo (crto_is_user_optout)';
  }
  const { adUserData, adPersonalization } = event.consent;
  if (adUserData === 'denied' || adPersonalization === 'denied') {
    return 'the user denied ad consent (consent_ad_user_data / consent_ad_personalization), and Criteo is a retargeting platform';
  }
  return undefined;
}
