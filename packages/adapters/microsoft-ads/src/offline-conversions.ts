import type { BuildContext, CheckContext, HttpRequest, MappedEvent, Refusal } from '@relay/core';
import type { MicrosoftAdsCredentials, MicrosoftAdsOptions, OfflineConversionsCredentials } from './schemas';
import { hashedIdentifiersOf } from './user-data';
import { CAMPAIGN_MANAGEMENT_VERSION } from './version';

type Ctx = BuildContext<MicrosoftAdsCredentials, MicrosoftAdsOptions>;

export const UET_CAPI_BASE_URL = 'https://capi.uet.microsoft.com';
export const CAMPAIGN_API_BASE_URL = 'https://campaign.api.bingads.microsoft.com';
export const CAMPAIGN_API_SANDBOX_BASE_URL = 'https://campaign.api.sandbox.bingads.microsoft.com';

/**
 * The Campaign Management host: production or sandbox, unless the credential overrides the
 * adapter's base URL (simulator, proxy), which then serves both APIs.
 */
export function campaignBaseUrl(ctx: Ctx): string {
  if (ctx.baseUrl !== UET_CAPI_BASE_URL) return ctx.baseUrl;
  return ctx.options.sandbox ? CAMPAIGN_API_SANDBOX_BASE_URL : CAMPAIGN_API_BASE_URL;
}

/** UTC time as the Bing Ads API's `dateTime` (`2026-01-15T10:25:00Z`, whole seconds). */
export function bingDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One `OfflineConversion`: the goal name, the event's own time, value, click id and hashed identifiers. */
export function offlineConversionOf({ event, name }: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ConversionName: name,
    ConversionTime: bingDateTime(event.occurredAt),
  };
  if (event.value !== undefined) {
    out['ConversionValue'] = event.value;
    out['ConversionCurrencyCode'] = event.currency;
  }
  if (event.clickIds.msclkid) out['MicrosoftClickId'] = event.clickIds.msclkid;
  const { em, ph } = hashedIdentifiersOf(event, ctx.defaultCountry);
  if (em) out['HashedEmailAddress'] = em;
  if (ph) out['HashedPhoneNumber'] = ph;
  return out;
}

/** A conversion needs the click id or a hashed email/phone (enhanced conversions). */
export function offlineRefusal(
  { event }: MappedEvent,
  ctx: CheckContext<MicrosoftAdsCredentials, MicrosoftAdsOptions>,
): Refusal | undefined {
  const { em, ph } = hashedIdentifiersOf(event, ctx.defaultCountry);
  if (event.clickIds.msclkid || em || ph) return undefined;
  return {
    status: 'rejected',
    code: 'missing_click_id',
    reason: 'Microsoft offline conversions need the msclkid, or a hashed email or phone; this event has none',
  };
}

/**
 * Pure: one `POST /CampaignManagement/v13/OfflineConversions/Apply` (REST form of
 * `ApplyOfflineConversions`, ≤ 1000 conversions) with the OAuth access token and the account
 * headers (`check` refused the conversions without a click id or hashed identifier).
 */
export function buildOfflineRequests(
  events: MappedEvent[],
  ctx: Ctx,
  credentials: OfflineConversionsCredentials,
): HttpRequest[] {
  return [
    {
      method: 'POST',
      url: `${campaignBaseUrl(ctx)}/CampaignManagement/${CAMPAIGN_MANAGEMENT_VERSION}/OfflineConversions/Apply`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ctx.accessToken ?? ''}`,
        DeveloperToken: credentials.developer_token,
        CustomerId: credentials.customer_id,
        CustomerAccountId: credentials.customer_account_id,
      },
      body: { OfflineConversions: events.map((mapped) => offlineConversionOf(mapped, ctx)) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
