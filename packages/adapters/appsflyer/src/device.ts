import { type RelayEvent, firstRecordText, recordText, withoutUndefined } from '@relay/core';

/** AppsFlyer body fields for device ids and the OMS record keys each is read from (first present wins). */
export const DEVICE_ID_KEYS = {
  idfa: ['idfa'],
  idfv: ['idfv'],
  advertising_id: ['advertising_id', 'gaid', 'gps_adid', 'aaid', 'adid'],
  oaid: ['oaid'],
  amazon_aid: ['amazon_aid', 'fire_adid'],
} as const;

/** The event's device ids as AppsFlyer body fields (raw, as the OMS sent them; absent ones left out). */
export function deviceIdsOf(event: RelayEvent): Record<string, string> {
  return withoutUndefined({
    idfa: firstRecordText(event, DEVICE_ID_KEYS.idfa)?.value,
    idfv: firstRecordText(event, DEVICE_ID_KEYS.idfv)?.value,
    advertising_id: firstRecordText(event, DEVICE_ID_KEYS.advertising_id)?.value,
    oaid: firstRecordText(event, DEVICE_ID_KEYS.oaid)?.value,
    amazon_aid: firstRecordText(event, DEVICE_ID_KEYS.amazon_aid)?.value,
  }) as Record<string, string>;
}

/** Apple's ATTrackingManager.AuthorizationStatus names → the integer AppsFlyer's `att` takes. */
const ATT_STATUS: Readonly<Record<string, number>> = {
  notdetermined: 0,
  not_determined: 0,
  restricted: 1,
  denied: 2,
  authorized: 3,
};

/**
 * AppsFlyer's `att` (iOS App Tracking Transparency status, 0 not determined, 1 restricted,
 * 2 denied, 3 authorized) from the record key `att`, as a number 0–3 or a status name; `undefined`
 * when the record has none or an unknown value (AppsFlyer is then left to use the install's).
 */
export function attOf(event: RelayEvent): number | undefined {
  const given = recordText(event, 'att')?.toLowerCase();
  if (given === undefined) return undefined;
  if (/^[0-3]$/.test(given)) return Number(given);
  return ATT_STATUS[given];
}
