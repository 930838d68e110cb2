import type { BuildContext, HttpRequest, MappedEvent } from '@relay/core';
import { customDataOf } from './custom-data';
import type { PinterestCapiCredentials, PinterestCapiOptions } from './schemas';
import { userDataOf } from './user-data';
import { PINTEREST_API_VERSION } from './version';

type Ctx = BuildContext<PinterestCapiCredentials, PinterestCapiOptions>;

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

/**
 * Pure: one `POST /v5/ad_accounts/{id}/events` for the chunk (core keeps chunks ≤ 1000 events;
 * `check` has already refused the events Pinterest would reject).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const account = encodeURIComponent(ctx.credentials.ad_account_id);
  const query = ctx.options.test ? '?test=true' : '';
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/${PINTEREST_API_VERSION}/ad_accounts/${account}/events${query}`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ctx.credentials.conversion_token}`,
      },
      body: { data: events.map((mapped) => conversionEventOf(mapped, ctx)) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
