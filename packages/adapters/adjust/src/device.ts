import { type RelayEvent, firstRecordText, withoutUndefined } from '@relay/core';

/**
 * Adjust device id parameters and the OMS record keys each is read from (first present wins):
 * the preferred ids (`idfa`, `gps_adid`, `fire_adid`, `oaid`, `web_uuid`), then the backup ids
 * (`idfv`, `android_id`) and the Adjust device id (`adid`, read from `adjust_adid` because a plain
 * `adid` record key is the Android advertising id for other platforms).
 */
export const DEVICE_ID_KEYS = {
  idfa: ['idfa'],
  gps_adid: ['gps_adid', 'gaid', 'advertising_id', 'aaid', 'adid'],
  fire_adid: ['fire_adid', 'amazon_aid'],
  oaid: ['oaid'],
  web_uuid: ['web_uuid'],
  idfv: ['idfv'],
  android_id: ['android_id'],
  adid: ['adjust_adid', 'adjust_device_id'],
} as const;

/** The event's Adjust device id parameters (raw, as the OMS sent them; absent ones left out). */
export function deviceIdsOf(event: RelayEvent): Record<string, string> {
  const ids: Record<string, string | undefined> = {};
  for (const [param, keys] of Object.entries(DEVICE_ID_KEYS))
    ids[param] = firstRecordText(event, keys)?.value;
  return withoutUndefined(ids) as Record<string, string>;
}
