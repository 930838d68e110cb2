import { type RelayEvent, recordText } from '@relay/core';

/** `adid_type` values The Trade Desk takes, and the OMS record key each is read from (first match wins). */
export const ADVERTISING_ID_KEYS = [
  ['tdid', 'TDID'],
  ['uid2_token', 'UID2'],
  ['euid_token', 'EUID'],
  ['ramp_id', 'IDL'],
  ['idfa', 'IDFA'],
  ['aaid', 'AAID'],
] as const;

export type AdvertisingIdType = (typeof ADVERTISING_ID_KEYS)[number][1];

/**
 * The event's advertising id for The Trade Desk: the first of the record keys `tdid`, `uid2_token`,
 * `euid_token`, `ramp_id`, `idfa`, `aaid` that has a value, sent as is (trimmed) with its type.
 * The OMS sends them as extra record keys, which Relay keeps in `properties`.
 */
export function advertisingIdOf(
  event: RelayEvent,
): { adid: string; adid_type: AdvertisingIdType } | undefined {
  for (const [key, type] of ADVERTISING_ID_KEYS) {
    const adid = recordText(event, key);
    if (adid !== undefined) return { adid, adid_type: type };
  }
  return undefined;
}
