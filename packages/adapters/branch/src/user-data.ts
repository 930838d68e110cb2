import { type RelayEvent, recordText, withoutUndefined } from '@relay/core';
import type { BranchOptions } from './schemas';

/** Branch `user_data` device ids, each read from the OMS record key of the same name. */
export const DEVICE_ID_KEYS = ['idfa', 'idfv', 'aaid', 'android_id'] as const;

/** `os` as Branch spells it (`iOS`, `Android`), else the record's value as given (`MAC_OS`, `WINDOWS`…). */
function osOf(event: RelayEvent): string | undefined {
  const given = recordText(event, 'os');
  if (given !== undefined) {
    if (given.toLowerCase() === 'ios') return 'iOS';
    if (given.toLowerCase() === 'android') return 'Android';
    return given;
  }
  if (recordText(event, 'idfa') ?? recordText(event, 'idfv')) return 'iOS';
  if (recordText(event, 'aaid') ?? recordText(event, 'android_id')) return 'Android';
  return undefined;
}

/** Whether the event has one of the device ids Branch attributes app events to. */
export function hasDeviceId(event: RelayEvent): boolean {
  return DEVICE_ID_KEYS.some((key) => recordText(event, key) !== undefined);
}

const consentFlag = (status: 'granted' | 'denied' | undefined): boolean | undefined =>
  status === undefined ? undefined : status === 'granted';

/**
 * The event's `user_data`: `os` (record key `os`, else from the kind of device id), `os_version`
 * and `app_version` (record keys of those names), the device ids, `developer_identity` (the
 * customer id), `ip`, `user_agent`, and with `options.dma_eea` the DMA consent flags. Nothing is
 * hashed: Branch takes raw device ids and documents no hashed identifier.
 */
export function userDataOf(event: RelayEvent, options: BranchOptions): Record<string, unknown> {
  const eea = options.dma_eea;
  return withoutUndefined({
    os: osOf(event),
    os_version: recordText(event, 'os_version'),
    app_version: recordText(event, 'app_version'),
    idfa: recordText(event, 'idfa'),
    idfv: recordText(event, 'idfv'),
    aaid: recordText(event, 'aaid'),
    android_id: recordText(event, 'android_id'),
    developer_identity: event.user.externalId,
    ip: event.user.ip,
    user_agent: event.user.userAgent,
    dma_eea: eea,
    dma_ad_personalization: eea ? consentFlag(event.consent.adPersonalization) : undefined,
    dma_ad_user_data: eea ? consentFlag(event.consent.adUserData) : undefined,
  });
}
