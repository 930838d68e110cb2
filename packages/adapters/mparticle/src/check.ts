import { type CheckContext, type MappedEvent, type Refusal, bodyBytes } from '@relay/core';
import { MAX_BATCH_BYTES, batchOf, isHistorical, userIdentitiesOf } from './build-requests';
import type { MparticleCredentials, MparticleOptions } from './schemas';

/**
 * Events mParticle would refuse, refused before sending: older than the Events API's 30 days
 * without `historical`, without a customer id, email or phone, or making a batch over 128 kB.
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<MparticleCredentials, MparticleOptions>,
): Refusal | undefined {
  if (isHistorical(mapped, ctx.now) && !ctx.options.historical) {
    return {
      status: 'rejected',
      code: 'event_too_old',
      reason:
        "mParticle's Events API takes events up to 30 days old; older ones need the historical endpoint (options.historical)",
    };
  }
  if (Object.keys(userIdentitiesOf(mapped, ctx.defaultCountry)).length === 0) {
    return {
      status: 'rejected',
      code: 'missing_identity',
      reason: 'mParticle needs a user identity: this event has no customer id, email or phone',
    };
  }
  if (bodyBytes(batchOf(mapped, ctx)) > MAX_BATCH_BYTES) {
    return {
      status: 'rejected',
      code: 'batch_too_large',
      reason: 'mParticle takes batches up to 128 kB; this event makes a larger one',
    };
  }
  return undefined;
}
