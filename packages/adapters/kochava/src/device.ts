import { type RelayEvent, firstRecordText, recordText, withoutUndefined } from '@relay/core';

/** Kochava `device_ids` and the OMS record keys each is read from (first present wins). */
export const DEVICE_ID_KEYS = {
  idfa: ['idfa'],
  idfv: ['idfv'],
  adid: ['adid', 'aaid'],
  android_id: ['android_id'],
} as const;

/** The event's `device_ids` (raw, as the OMS sent them), or `undefined` when it has none. */
export function deviceIdsOf(event: RelayEvent): Record<string, string> | undefined {
  const ids = withoutUndefined({
    idfa: firstRecordText(event, DEVICE_ID_KEYS.idfa)?.value,
    idfv: firstRecordText(event, DEVICE_ID_KEYS.idfv)?.value,
    adid: firstRecordText(event, DEVICE_ID_KEYS.adid)?.value,
    android_id: firstRecordText(event, DEVICE_ID_KEYS.android_id)?.value,
  }) as Record<string, string>;
  return Object.keys(ids).length > 0 ? ids : undefined;
}

/** `<device>-<os_name>-<os_version>` from the record keys `device_model`, `os`, `os_version`; `""` when one is missing (Kochava takes an empty string). */
export function deviceVerOf(event: RelayEvent): string {
  const parts = [recordText(event, 'device_model'), recordText(event, 'os'), recordText(event, 'os_version')];
  return parts.every((part) => part !== undefined) ? parts.join('-') : '';
}

/**
 * The iOS App Tracking Transparency answer: the record key `att` (`true`/`authorized`/`1` or
 * `false`/`denied`/`0`), else `true` when the event has an IDFA (iOS 14+ exposes it only after the
 * user authorised tracking). Kochava drops the IDFA of events without the flag.
 */
export function attOf(event: RelayEvent): boolean | undefined {
  const given =
    recordText(event, 'att') ??
    (typeof event.properties['att'] === 'boolean' ? String(event.properties['att']) : undefined);
  if (given !== undefined) return ['true', 'authorized', '1', 'granted', 'yes'].includes(given.toLowerCase());
  return recordText(event, 'idfa') !== undefined ? true : undefined;
}
