import type { BuildContext, CheckContext, HttpRequest, MappedEvent, Refusal, RelayEvent } from '@relay/core';
import { PAGE_TYPES } from './event-map';
import type { MicrosoftAdsCredentials, MicrosoftAdsOptions, UetCapiCredentials } from './schemas';
import { hasUetIdentifier, uetUserDataOf } from './user-data';
import { UET_CAPI_VERSION } from './version';

type Ctx = BuildContext<MicrosoftAdsCredentials, MicrosoftAdsOptions>;

const PLATFORM = 'Microsoft UET Conversions API';
/** "eventTime must be within the last 7 days" (UET CAPI guide). */
export const UET_MAX_EVENT_AGE_MS = 7 * 24 * 60 * 60 * 1000;

function adStorageConsentOf(event: RelayEvent, fallback: 'G' | 'D' | undefined): 'G' | 'D' | undefined {
  if (event.consent.adUserData === 'denied') return 'D';
  if (event.consent.adUserData === 'granted') return 'G';
  return fallback;
}

/** UET `customData` of a custom event: order id, revenue value + currency, retail fields. */
function customDataOf(event: RelayEvent, name: string): Record<string, unknown> {
  const data: Record<string, unknown> = { transactionId: event.orderId };
  if (event.value !== undefined) {
    data['value'] = event.value;
    data['currency'] = event.currency;
  }
  const pageType = PAGE_TYPES[name];
  if (pageType) data['pageType'] = pageType;
  if (pageType === 'purchase' && event.value !== undefined) data['ecommTotalValue'] = event.value;
  const items = event.items.filter((item) => item.id !== undefined);
  if (items.length > 0) {
    data['itemIds'] = items.map((item) => item.id);
    data['items'] = items.map((item) => {
      const out: Record<string, unknown> = {
        id: item.id,
        quantity: Math.max(1, Math.round(item.quantity ?? 1)),
      };
      if (item.price !== undefined) out['price'] = item.price;
      if (item.name !== undefined) out['name'] = item.name;
      return out;
    });
  }
  return data;
}

/**
 * One UET server event. `page_view` with a page URL is a `pageLoad` (no revenue allowed);
 * everything else is a `custom` event whose `eventName` is the event action goals match.
 */
export function uetEventOf({ event, name }: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const pageLoad = name === 'page_view' && event.pageUrl !== undefined;
  const out: Record<string, unknown> = {
    eventType: pageLoad ? 'pageLoad' : 'custom',
    eventId: event.dedupKey,
  };
  if (!pageLoad) out['eventName'] = name;
  out['eventTime'] = Math.floor(event.occurredAt.getTime() / 1000);
  if (event.pageUrl) out['eventSourceUrl'] = event.pageUrl;
  if (event.referrer) out['referrerUrl'] = event.referrer;
  const consent = adStorageConsentOf(event, ctx.options.ad_storage_consent);
  if (consent) out['adStorageConsent'] = consent;
  out['userData'] = uetUserDataOf(event, ctx.defaultCountry);
  if (!pageLoad) out['customData'] = customDataOf(event, name);
  return out;
}

/**
 * Why UET would refuse an event: older than its 7 days ("eventTime must be within the last 7
 * days"; core's own window is the offline API's 90 days), or no identifier at all.
 */
export function uetRefusal(
  { event }: MappedEvent,
  ctx: CheckContext<MicrosoftAdsCredentials, MicrosoftAdsOptions>,
): Refusal | undefined {
  if (ctx.now.getTime() - event.occurredAt.getTime() > UET_MAX_EVENT_AGE_MS) {
    return {
      status: 'rejected',
      code: 'event_too_old',
      reason: `${PLATFORM} accepts events up to 7 days old; this one happened at ${event.occurredAt.toISOString()}`,
    };
  }
  if (!hasUetIdentifier(uetUserDataOf(event, ctx.defaultCountry))) {
    return {
      status: 'rejected',
      code: 'missing_user_data',
      reason: `${PLATFORM} needs at least one of email, phone, external id or msclkid; this event has none`,
    };
  }
  return undefined;
}

/**
 * Pure: one `POST /v1/{tagId}/events` with every event of the chunk (≤ 1000; `check` refused the
 * others). With `continueOnValidationError: false` Microsoft processes all of the request or none
 * of it, so the request is all-or-nothing (`atomic`): core resends the events a 400 does not name
 * at once (parse-uet.ts marks them collateral). The default mode and offline conversions answer
 * per event and are not.
 */
export function buildUetRequests(
  events: MappedEvent[],
  ctx: Ctx,
  credentials: UetCapiCredentials,
): HttpRequest[] {
  const body: Record<string, unknown> = {
    data: events.map((mapped) => uetEventOf(mapped, ctx)),
    continueOnValidationError: ctx.options.continue_on_validation_error,
  };
  if (ctx.options.data_provider) body['dataProvider'] = ctx.options.data_provider;
  return [
    {
      method: 'POST',
      url: `${ctx.baseUrl}/${UET_CAPI_VERSION}/${encodeURIComponent(credentials.uet_tag_id)}/events`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credentials.capi_token}` },
      body,
      eventIndexes: events.map((_, i) => i),
      atomic: !ctx.options.continue_on_validation_error,
    },
  ];
}
