import { type CheckContext, type MappedEvent, type Refusal, bodyBytes } from '@relay/core';
import { MAX_EVENT_BYTES, trackMessageOf } from './build-requests';
import type { SegmentCredentials, SegmentOptions } from './schemas';

/**
 * Messages Segment refuses, refused before sending: without a userId or anonymousId (no
 * external id, no session id), or over 32 kB.
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<SegmentCredentials, SegmentOptions>,
): Refusal | undefined {
  const message = trackMessageOf(mapped, ctx);
  if (message === undefined) {
    return {
      status: 'rejected',
      code: 'missing_identity',
      reason: 'Segment needs a userId or anonymousId: this event has no external id and no session id',
    };
  }
  if (bodyBytes(message) > MAX_EVENT_BYTES) {
    return { status: 'rejected', code: 'event_too_large', reason: 'Segment refuses events over 32 kB' };
  }
  return undefined;
}
