import { type CheckContext, type MappedEvent, type Refusal, bodyBytes } from '@relay/core';
import { MAX_MESSAGE_BYTES, messageOf } from './build-requests';
import type { RudderstackCredentials, RudderstackOptions } from './schemas';

/**
 * Messages RudderStack refuses, refused before sending: without a userId or anonymousId (no
 * external id, no session id), or over 32 KB.
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<RudderstackCredentials, RudderstackOptions>,
): Refusal | undefined {
  const message = messageOf(mapped, ctx);
  if (message === undefined) {
    return {
      status: 'rejected',
      code: 'missing_identity',
      reason: 'RudderStack needs a userId or anonymousId: this event has no external id and no session id',
    };
  }
  if (bodyBytes(message) > MAX_MESSAGE_BYTES) {
    return { status: 'rejected', code: 'event_too_large', reason: 'RudderStack refuses messages over 32 KB' };
  }
  return undefined;
}
