import type { CheckContext, MappedEvent, Refusal } from '@relay/core';
import { MAX_FUTURE_MS, conversionEventOf } from './build-requests';
import { CUSTOM_EVENT_NAME_MAX_LENGTH } from './event-map';
import type { RedditCapiCredentials, RedditCapiOptions } from './schemas';
import { type RedditUser, hasMatchKey } from './user';

const PLATFORM = 'Reddit Conversions API';

/**
 * Events Reddit would refuse, and with them the whole batch ("There were N invalid conversion
 * events. None were processed."), refused before sending: a custom event name over Reddit's
 * length limit, an event without any match key, and an `event_at` more than 5 minutes ahead.
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<RedditCapiCredentials, RedditCapiOptions>,
): Refusal | undefined {
  const conversion = conversionEventOf(mapped, ctx);
  const type = conversion['type'] as { custom_event_name?: string };
  if (
    type.custom_event_name !== undefined &&
    [...type.custom_event_name].length > CUSTOM_EVENT_NAME_MAX_LENGTH
  ) {
    return {
      status: 'rejected',
      code: 'custom_event_name_too_long',
      reason: `${PLATFORM} takes custom event names of at most ${CUSTOM_EVENT_NAME_MAX_LENGTH} characters; '${type.custom_event_name}' is longer (map it with options.eventMap)`,
    };
  }
  if (conversion['click_id'] === undefined && !hasMatchKey((conversion['user'] ?? {}) as RedditUser)) {
    return {
      status: 'rejected',
      code: 'missing_match_keys',
      reason: `${PLATFORM} needs a match key on every event (rdt_cid click id, email, phone, external id, IP address or user agent); this event has none`,
    };
  }
  if (mapped.event.occurredAt.getTime() - ctx.now.getTime() > MAX_FUTURE_MS) {
    return {
      status: 'rejected',
      code: 'event_in_future',
      reason: `${PLATFORM} accepts event_at at most 5 minutes in the future; this event is dated ${mapped.event.occurredAt.toISOString()}`,
    };
  }
  return undefined;
}
