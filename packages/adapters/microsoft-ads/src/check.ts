import type { CheckContext, MappedEvent, Refusal } from '@relay/core';
import { apiOf } from './build-requests';
import { offlineRefusal } from './offline-conversions';
import { type MicrosoftAdsCredentials, type MicrosoftAdsOptions, credentialMismatch } from './schemas';
import { uetRefusal } from './uet-capi';

/**
 * Events the chosen API would refuse, refused before sending (uet-capi.ts, offline-conversions.ts).
 * A credential without the chosen API's fields is no event's fault: it throws a ValidationError
 * naming the missing fields, before any token is requested (the host fails the deliveries with it).
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<MicrosoftAdsCredentials, MicrosoftAdsOptions>,
): Refusal | undefined {
  const api = apiOf(ctx);
  const mismatch = credentialMismatch(api, ctx.credentials);
  if (mismatch) throw mismatch;
  return api === 'offline_conversions' ? offlineRefusal(mapped, ctx) : uetRefusal(mapped, ctx);
}
