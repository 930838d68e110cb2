import { type BuildContext, type ConsentStatus, type RelayEvent, recordNumber } from '@relay/core';
import type { GoogleAdsCredentials, GoogleAdsOptions } from './schemas';
import { clickIdentifier, googleIdentity } from './user-data';

export const ADS_API_BASE_URL = 'https://googleads.googleapis.com';

const consentStatus = (status: ConsentStatus | undefined) =>
  status === 'granted' ? 'GRANTED' : status === 'denied' ? 'DENIED' : undefined;

/** `conversionDateTime` as the Ads API wants it: `yyyy-mm-dd hh:mm:ss+00:00` (UTC). */
export function adsDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}

/** One `ClickConversion` in proto3 JSON. */
export function clickConversion(
  event: RelayEvent,
  conversionActionId: string,
  ctx: BuildContext<GoogleAdsCredentials, GoogleAdsOptions>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...clickIdentifier(event) };
  out['conversionAction'] =
    `customers/${ctx.credentials.customer_id}/conversionActions/${conversionActionId}`;
  out['conversionDateTime'] = adsDateTime(event.occurredAt);
  if (event.value !== undefined) {
    out['conversionValue'] = event.value;
    out['currencyCode'] = event.currency;
  }
  out['orderId'] = event.orderId;
  // Click conversion uploads accept hashed email and phone only (no address).
  const identity = googleIdentity(event, ctx.defaultCountry);
  const identifiers: Array<Record<string, string>> = [];
  if (identity.email) identifiers.push({ hashedEmail: identity.email });
  if (identity.phone) identifiers.push({ hashedPhoneNumber: identity.phone });
  if (identifiers.length > 0) out['userIdentifiers'] = identifiers;
  const consent: Record<string, string> = {};
  const adUserData = consentStatus(event.consent.adUserData);
  const adPersonalization = consentStatus(event.consent.adPersonalization);
  if (adUserData) consent['adUserData'] = adUserData;
  if (adPersonalization) consent['adPersonalization'] = adPersonalization;
  if (Object.keys(consent).length > 0) out['consent'] = consent;
  if (event.user.ip) out['userIpAddress'] = event.user.ip;
  return out;
}

/**
 * One `ConversionAdjustment` in proto3 JSON, for a refund or cancellation of the purchase with the
 * same order id on the same conversion action: a `RETRACTION` (the conversion no longer counts), or
 * a `RESTATEMENT` to the order's value after the refund when the record carries it
 * (`restated_value`: "to change the value of a conversion from 100 to 70, an adjusted value of 70
 * should be reported"). `adjustmentDateTime` is the refund's own time, which Google requires to
 * be after the conversion's.
 */
export function conversionAdjustment(
  event: RelayEvent,
  conversionActionId: string,
  ctx: BuildContext<GoogleAdsCredentials, GoogleAdsOptions>,
): Record<string, unknown> {
  const restated = recordNumber(event, 'restated_value');
  const out: Record<string, unknown> = {
    orderId: event.orderId,
    conversionAction: `customers/${ctx.credentials.customer_id}/conversionActions/${conversionActionId}`,
    adjustmentDateTime: adsDateTime(event.occurredAt),
    adjustmentType: restated === undefined ? 'RETRACTION' : 'RESTATEMENT',
  };
  if (restated !== undefined)
    out['restatementValue'] = { adjustedValue: restated, currencyCode: event.currency };
  return out;
}

type Ctx = BuildContext<GoogleAdsCredentials, GoogleAdsOptions>;
type Row = { event: RelayEvent; conversionActionId: string };

/** An Ads API upload body: the rows under `key`, `partialFailure: true`, `validateOnly` on request. */
function uploadBody(
  key: string,
  rows: Row[],
  ctx: Ctx,
  row: typeof clickConversion,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    [key]: rows.map(({ event, conversionActionId }) => row(event, conversionActionId, ctx)),
    partialFailure: true,
  };
  if (ctx.options.validateOnly) body['validateOnly'] = true;
  return body;
}

/** `UploadClickConversionsRequest` body (the customer id travels in the URL). */
export const uploadClickConversionsBody = (rows: Row[], ctx: Ctx) =>
  uploadBody('conversions', rows, ctx, clickConversion);

/** `UploadConversionAdjustmentsRequest` body (the customer id travels in the URL). */
export const uploadConversionAdjustmentsBody = (rows: Row[], ctx: Ctx) =>
  uploadBody('conversionAdjustments', rows, ctx, conversionAdjustment);
