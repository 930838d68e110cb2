import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  type RelayEvent,
  normalizeCountry,
  withoutUndefined,
} from '@relay/core';
import { type ConversionType, DEFAULT_EVENT_NAMES, isConversionType } from './event-map';
import { matchKeysOf } from './match-keys';
import { type AmazonAdsCredentials, type AmazonAdsOptions, REGIONS } from './schemas';
import { EVENTS_PATH } from './version';

type Ctx = BuildContext<AmazonAdsCredentials, AmazonAdsOptions>;
type Check = CheckContext<AmazonAdsCredentials, AmazonAdsOptions>;

const PLATFORM = 'Amazon Ads Conversions API';

/** `CurrencyCode` values the Events API accepts (Amazon Ads API v1 spec). */
export const AMAZON_CURRENCIES: ReadonlySet<string> = new Set(
  (
    'AED ARS AUD AZN BBD BGN BHD BMD BND BOB BRL BSD CAD CHF CLP CNY COP CRC CZK DKK DOP DZD EGP EUR ' +
    'GBP GHS GTQ HKD HNL HRK HUF IDR ILS INR JMD JOD JPY KES KRW KWD KYD KZT LBP LKR MAD MUR MXN MXP ' +
    'MYR NAD NGN NOK NZD PAB PEN PHP PKR PLN PYG QAR RON RSD RUB SAR SEK SGD THB TND TRY TTD TWD TZS ' +
    'UAH USD UYU VND XAF XCD XOF XPF ZAR'
  ).split(' '),
);

/** `deviceInfo.userAgent` is at most 512 characters. */
const MAX_USER_AGENT = 512;

/** The conversion type and `eventDescription.name` of a mapped event. */
export function describeEvent(
  mapped: MappedEvent,
  options: AmazonAdsOptions,
): { conversionType: ConversionType; name: string } {
  if (isConversionType(mapped.name)) {
    return {
      conversionType: mapped.name,
      name: options.event_names[mapped.name] ?? DEFAULT_EVENT_NAMES[mapped.name],
    };
  }
  return { conversionType: 'OTHER', name: mapped.name };
}

/** ISO alpha-2 country of the event (upper case): its own, else the context's default. */
function countryCodeOf(event: RelayEvent, defaultCountry: string): string {
  return (normalizeCountry(event.user.country) ?? normalizeCountry(defaultCountry) ?? 'us').toUpperCase();
}

/** Money with at most two decimals, as the spec asks of `value`. */
const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/** Sum of the items' quantities (integers, a missing one counts 1), or undefined without items. */
function unitsSoldOf(event: RelayEvent): number | undefined {
  if (event.items.length === 0) return undefined;
  return event.items.reduce((sum, item) => sum + Math.max(1, Math.round(item.quantity ?? 1)), 0);
}

/** `consent` from the event: the IP for Amazon's geographic check, and `ad_user_data` as `amznUserData`. */
function consentOf(event: RelayEvent): Record<string, unknown> | undefined {
  const consent = withoutUndefined({
    geo: event.user.ip ? { ipAddress: event.user.ip } : undefined,
    amazonConsent: event.consent.adUserData
      ? { amznUserData: event.consent.adUserData === 'granted' ? 'GRANTED' : 'DENIED' }
      : undefined,
  });
  return Object.keys(consent).length > 0 ? consent : undefined;
}

/** One `EventCreate` of the request body. */
export function eventOf(mapped: MappedEvent, ctx: Check): Record<string, unknown> {
  const { event } = mapped;
  const { options } = ctx;
  const { conversionType, name } = describeEvent(mapped, options);
  const countryCode = countryCodeOf(event, ctx.defaultCountry);
  const purchase = conversionType === 'OFF_AMAZON_PURCHASES';
  const value = event.value === undefined ? undefined : twoDecimals(event.value);
  return withoutUndefined({
    eventDescription: withoutUndefined({
      name,
      conversionType,
      eventSource: options.event_source,
      eventIngestionMethod: 'SERVER_TO_SERVER',
      dataSetName: options.data_set_name,
    }),
    eventTime: event.occurredAt.toISOString(),
    countryCode,
    eventId: event.dedupKey,
    matchKeys: matchKeysOf(event, countryCode),
    value,
    currencyCode: purchase && value !== undefined ? event.currency : undefined,
    unitsSold: purchase ? unitsSoldOf(event) : undefined,
    consent: consentOf(event),
    deviceInfo: event.user.userAgent
      ? { userAgent: event.user.userAgent.slice(0, MAX_USER_AGENT) }
      : undefined,
    dataProcessingOptions: options.limited_data_use ? { options: 'LIMITED_DATA_USE' } : undefined,
    partner: options.partner,
  });
}

/**
 * Why Amazon would refuse an event, found before sending it (core keeps it out of the request);
 * `undefined` when it can go.
 */
export function check(mapped: MappedEvent, ctx: Check): Refusal | undefined {
  const body = eventOf(mapped, ctx);
  const matchKeys = body['matchKeys'] as unknown[];
  if (matchKeys.length === 0) {
    return {
      status: 'rejected',
      code: 'missing_match_keys',
      reason: `${PLATFORM} needs at least one match key (email, phone, name, address fields, customer id or IP address); this event has none`,
    };
  }
  const purchase =
    (body['eventDescription'] as { conversionType: string }).conversionType === 'OFF_AMAZON_PURCHASES';
  const value = body['value'] as number | undefined;
  if (purchase && value !== undefined && value < 0) {
    return {
      status: 'rejected',
      code: 'negative_value',
      reason: `${PLATFORM} takes a purchase value of 0 or more; this one is ${value}`,
    };
  }
  const currency = body['currencyCode'] as string | undefined;
  if (currency !== undefined && !AMAZON_CURRENCIES.has(currency)) {
    return {
      status: 'rejected',
      code: 'unsupported_currency',
      reason: `${PLATFORM} does not accept currency '${currency}' for purchase values`,
    };
  }
  if (ctx.credentials.region === 'EU' && body['consent'] === undefined) {
    return {
      status: 'rejected',
      code: 'missing_consent',
      reason: `${PLATFORM} needs a consent signal for EU advertisers (the IP address or consent_ad_user_data); this event has neither`,
    };
  }
  return undefined;
}

/** The API host: the region's, unless the base URL was overridden (sandbox, simulator). */
function hostOf(ctx: Ctx): string {
  return ctx.baseUrl === REGIONS.NA.apiHost ? REGIONS[ctx.credentials.region].apiHost : ctx.baseUrl;
}

/** Pure: one `POST /adsApi/v1/create/events` with the chunk's events, all of which passed `check` (core keeps chunks ≤ 500 events, the spec's `maxItems`). */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return [
    {
      method: 'POST',
      url: `${hostOf(ctx)}${EVENTS_PATH}`,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${ctx.accessToken ?? ''}`,
        'Amazon-Ads-AccountId': ctx.credentials.account_id,
        'Amazon-Ads-ClientId': ctx.credentials.client_id,
      },
      body: { events: events.map((mapped) => eventOf(mapped, ctx)) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
