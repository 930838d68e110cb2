import {
  type BuildContext,
  type BuildResult,
  type MappedEvent,
  type Outcome,
  oneRequestForSendable,
} from '@relay/core';
import { customDataOf } from './custom-data';
import { PINTEREST_EVENT_NAMES } from './event-map';
import type { PinterestCapiCredentials, PinterestCapiOptions } from './schemas';
import { hasRequiredIdentity, userDataOf } from './user-data';
import { PINTEREST_API_VERSION } from './version';

type Ctx = BuildContext<PinterestCapiCredentials, PinterestCapiOptions>;

const PLATFORM = 'Pinterest Conversions API';

/** `opt_out` from the event's consent: true when either consent is denied, false when both are granted. */
function optOutOf(mapped: MappedEvent): boolean | undefined {
  const { adUserData, adPersonalization } = mapped.event.consent;
  if (adUserData === 'denied' || adPersonalization === 'denied') return true;
  if (adUserData === 'granted' || adPersonalization === 'granted') return false;
  return undefined;
}

/** One Pinterest conversion event (an item of `ConversionEvents.data`). */
export function conversionEventOf(mapped: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const { event, name } = mapped;
  const out: Record<string, unknown> = {
    event_name: name,
    action_source: ctx.options.action_source,
    event_time: Math.floor(event.occurredAt.getTime() / 1000),
    event_id: event.dedupKey,
  };
  if (event.pageUrl) out['event_source_url'] = event.pageUrl;
  const optOut = optOutOf(mapped);
  if (optOut !== undefined) out['opt_out'] = optOut;
  if (ctx.options.partner_name) out['partner_name'] = ctx.options.partner_name;
  out['user_data'] = userDataOf(event, ctx.defaultCountry);
  out['custom_data'] = customDataOf(event, ctx.options.limited_data_processing);
  return out;
}

/** Why an event cannot be sent, or `undefined` when it can. */
function refusalOf(mapped: MappedEvent, userData: Record<string, unknown>): Outcome | undefined {
  if (!PINTEREST_EVENT_NAMES.has(mapped.name)) {
    return {
      status: 'rejected',
      code: 'unknown_event_name',
      reason: `${PLATFORM} accepts only its own event names (checkout, lead, signup, custom, …); '${mapped.name}' is not one of them`,
    };
  }
  if (!hasRequiredIdentity(userData)) {
    return {
      status: 'rejected',
      code: 'missing_user_data',
      reason: `${PLATFORM} needs a hashed email, or the client IP address together with the user agent; this event has neither`,
    };
  }
  return undefined;
}

/**
 * Pure: one `POST /v5/ad_accounts/{id}/events` for the sendable events of the chunk (core
 * keeps chunks ≤ 1000 events). Events Pinterest would refuse (unknown name, no usable
 * identity) are rejected here with their reason instead of being sent.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const account = encodeURIComponent(ctx.credentials.ad_account_id);
  const query = ctx.options.test ? '?test=true' : '';
  return oneRequestForSendable(
    events,
    (mapped) => conversionEventOf(mapped, ctx),
    (mapped, conversion) => refusalOf(mapped, conversion['user_data'] as Record<string, unknown>),
    (data) => ({
      method: 'POST',
      url: `${ctx.baseUrl}/${PINTEREST_API_VERSION}/ad_accounts/${account}/events${query}`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ctx.credentials.conversion_token}`,
      },
      body: { data },
    }),
  );
}
