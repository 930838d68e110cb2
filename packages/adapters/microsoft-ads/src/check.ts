import type { CheckContext, MappedEvent, Refusal } from '@relay/core';
import { apiOf } from './build-requests';
import { offlineRefusal } from './offline-conversions';
import type { MicrosoftAdsCredentials, MicrosoftAdsOptions } from './schemas';
import { uetRefusal } from './uet-capi';

/** Events the chosen API would refuse, refused before sending (uet-capi.ts, offline-conversions.ts). */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<MicrosoftAdsCredentials, MicrosoftAdsOptions>,
): Refusal | undefined {
  return apiOf(ctx) === 'offline_conversions' ? offlineRefusal(mapped, ctx) : uetRefusal(mapped, ctx);
}
