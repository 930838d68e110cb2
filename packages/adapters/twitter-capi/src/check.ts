import type { CheckContext, MappedEvent, Refusal } from '@relay/core';
import { xIdentifiers } from './identifiers';
import type { TwitterCapiCredentials, TwitterCapiOptions } from './schemas';

type Ctx = CheckContext<TwitterCapiCredentials, TwitterCapiOptions>;

/** The X event id configured for a platform event name, if any. */
export function xEventIdOf(name: string, ctx: Pick<Ctx, 'credentials'>): string | undefined {
  return ctx.credentials.event_ids[name as keyof TwitterCapiCredentials['event_ids']];
}

/**
 * Events not sent: skipped when the credential has no X event id for the name, rejected when
 * the event has no identifier (twclid, email or phone), which X refuses.
 */
export function check({ event, name }: MappedEvent, ctx: Ctx): Refusal | undefined {
  if (!xEventIdOf(name, ctx)) {
    return {
      status: 'skipped',
      reason: `no X event id for '${name}'; add it to credentials.event_ids.${name}`,
    };
  }
  if (xIdentifiers(event, ctx.defaultCountry).length === 0) {
    return {
      status: 'rejected',
      code: 'missing_identifier',
      reason: 'X needs a twclid, an email or a phone number to match a conversion; this event has none',
    };
  }
  return undefined;
}
