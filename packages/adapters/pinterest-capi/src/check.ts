import type { CheckContext, MappedEvent, Refusal } from '@relay/core';
import { PINTEREST_EVENT_NAMES } from './event-map';
import type { PinterestCapiCredentials, PinterestCapiOptions } from './schemas';
import { hasRequiredIdentity, userDataOf } from './user-data';

const PLATFORM = 'Pinterest Conversions API';

/**
 * Events Pinterest would refuse, refused before sending: a name outside its event list (an
 * `eventMap` override), and an event without a hashed email or the client IP together with the
 * user agent (the v5 `ConversionEventsUserData` requirement).
 */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<PinterestCapiCredentials, PinterestCapiOptions>,
): Refusal | undefined {
  if (!PINTEREST_EVENT_NAMES.has(mapped.name)) {
    return {
      status: 'rejected',
      code: 'unknown_event_name',
      reason: `${PLATFORM} accepts only its own event names (checkout, lead, signup, custom, …); '${mapped.name}' is not one of them`,
    };
  }
  if (!hasRequiredIdentity(userDataOf(mapped.event, ctx.defaultCountry))) {
    return {
      status: 'rejected',
      code: 'missing_user_data',
      reason: `${PLATFORM} needs a hashed email, or the client IP address together with the user agent; this event has neither`,
    };
  }
  return undefined;
}
