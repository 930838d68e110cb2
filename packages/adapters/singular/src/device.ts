import { type RelayEvent, ipv4Address, recordText, withoutUndefined } from '@relay/core';

/** Singular device-id parameters per platform, each read from the OMS record key of the same name. */
export const DEVICE_ID_KEYS = { iOS: ['idfa', 'idfv'], Android: ['aifa', 'andi', 'asid', 'oaid'] } as const;

export type SingularPlatform = keyof typeof DEVICE_ID_KEYS;

/** `p`: the record key `os` (or `platform`) as `iOS`/`Android`, else from the kind of device id. */
export function platformOf(event: RelayEvent): SingularPlatform | undefined {
  const given = (recordText(event, 'os') ?? recordText(event, 'platform'))?.toLowerCase();
  if (given === 'ios') return 'iOS';
  if (given === 'android') return 'Android';
  if (given !== undefined) return undefined;
  if (DEVICE_ID_KEYS.iOS.some((key) => recordText(event, key) !== undefined)) return 'iOS';
  if (DEVICE_ID_KEYS.Android.some((key) => recordText(event, key) !== undefined)) return 'Android';
  return undefined;
}

/** The platform's device-id parameters the record has (raw), e.g. `{idfa, idfv}` or `{aifa, andi}`. */
export function deviceIdsOf(event: RelayEvent, platform: SingularPlatform): Record<string, string> {
  return withoutUndefined(
    Object.fromEntries(DEVICE_ID_KEYS[platform].map((key) => [key, recordText(event, key)])),
  ) as Record<string, string>;
}

/** The record's IP address when it is IPv4 (Singular takes no IPv6). */
export function ipv4Of(event: RelayEvent): string | undefined {
  return ipv4Address(event.user.ip);
}

/** The Singular Device ID (`sdid`) from the record key `sdid` or `singular_device_id`, raw. */
export function sdidOf(event: RelayEvent): string | undefined {
  return recordText(event, 'sdid') ?? recordText(event, 'singular_device_id');
}
