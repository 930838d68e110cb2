import { type CheckContext, type MappedEvent, type Refusal, sentEventKind } from '@relay/core';
import { conversionActionFor, eventMapping } from './event-map';
import type { GoogleAdsCredentials, GoogleAdsOptions } from './schemas';
import { clickIdentifier, googleIdentity } from './user-data';

type Ctx = CheckContext<GoogleAdsCredentials, GoogleAdsOptions>;

/** Why a refund cannot be sent through the Data Manager API. */
const NO_ADJUSTMENTS_IN_DATA_MANAGER =
  "Google Ads takes refunds and cancellations as conversion adjustments (retractions, restatements), which only the Google Ads API offers (the Data Manager API's events:ingest has none): set options.api to 'ads_api' (a refresh token with the adwords scope) to retract refunded orders";

/** The conversion action an event goes to (the credential's default or `options.conversionActions`). */
export const conversionActionOf = ({ event, name }: MappedEvent, ctx: Ctx): string | undefined =>
  conversionActionFor(
    event.eventName,
    name,
    ctx.credentials.conversion_action_id,
    ctx.options.conversionActions,
  );

/** Refunds and cancellations: sent as conversion adjustments (Ads API only). */
export const isAdjustment = (mapped: MappedEvent) => sentEventKind(mapped, eventMapping) === 'refund';

/** Why an event cannot be matched by Google, or `undefined` when it can. */
function unmatchable({ event }: MappedEvent, ctx: Ctx): string | undefined {
  if (clickIdentifier(event)) return undefined;
  const identity = googleIdentity(event, ctx.defaultCountry);
  const usable =
    ctx.options.api === 'ads_api'
      ? identity.email || identity.phone
      : identity.email || identity.phone || identity.address;
  if (usable) return undefined;
  return ctx.options.api === 'ads_api'
    ? 'Google Ads needs a gclid, gbraid or wbraid, or a hashed email or phone, to match a click conversion'
    : 'Google Ads needs a gclid, gbraid or wbraid, or user data (email, phone, or full address), to match a conversion';
}

/**
 * Events Google Ads cannot take, skipped before sending: no conversion action for the event, a
 * refund on the Data Manager API (no adjustments there), or a conversion with nothing to match
 * it by. A retraction is keyed by order id and conversion action: no click id or user data needed.
 */
export function check(mapped: MappedEvent, ctx: Ctx): Refusal | undefined {
  if (conversionActionOf(mapped, ctx) === undefined) {
    return {
      status: 'skipped',
      reason: `no Google Ads conversion action for '${mapped.event.eventName}'; set options.conversionActions.${mapped.event.eventName}`,
    };
  }
  if (isAdjustment(mapped)) {
    return ctx.options.api === 'ads_api'
      ? undefined
      : { status: 'skipped', reason: NO_ADJUSTMENTS_IN_DATA_MANAGER };
  }
  const reason = unmatchable(mapped, ctx);
  return reason ? { status: 'skipped', reason } : undefined;
}
