import type { BuildContext, ConsentStatus, RelayEvent } from '@relay/core';
import type { GoogleAdsCredentials, GoogleAdsOptions } from './schemas';
import { clickIdentifier, googleIdentity } from './user-data';

export const DATA_MANAGER_BASE_URL = 'https://datamanager.googleapis.com';

/** Data Manager `IngestEventsRequest.events` limit (ingestion_service.proto). */
export const DATA_MANAGER_MAX_EVENTS = 2000;

const consentStatus = (status: ConsentStatus | undefined) =>
  status === 'granted' ? 'CONSENT_GRANTED' : status === 'denied' ? 'CONSENT_DENIED' : undefined;

/** proto3-JSON `Consent`, or `undefined` when the OMS sent no consent signal. */
export function dataManagerConsent(event: RelayEvent): Record<string, string> | undefined {
  const consent: Record<string, string> = {};
  const adUserData = consentStatus(event.consent.adUserData);
  const adPersonalization = consentStatus(event.consent.adPersonalization);
  if (adUserData) consent['adUserData'] = adUserData;
  if (adPersonalization) consent['adPersonalization'] = adPersonalization;
  return Object.keys(consent).length > 0 ? consent : undefined;
}

/** One `google.ads.datamanager.v1.Event` in proto3 JSON. */
export function dataManagerEvent(
  event: RelayEvent,
  ctx: BuildContext<GoogleAdsCredentials, GoogleAdsOptions>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    transactionId: event.orderId,
    eventTimestamp: event.occurredAt.toISOString(),
    eventSource: ctx.options.eventSource,
  };
  if (event.value !== undefined) {
    out['conversionValue'] = event.value;
    out['currency'] = event.currency;
  }
  const click = clickIdentifier(event);
  if (click) out['adIdentifiers'] = click;
  const identity = googleIdentity(event, ctx.defaultCountry);
  const identifiers: Array<Record<string, unknown>> = [];
  if (identity.email) identifiers.push({ emailAddress: identity.email });
  if (identity.phone) identifiers.push({ phoneNumber: identity.phone });
  if (identity.address) identifiers.push({ address: identity.address });
  if (identifiers.length > 0) out['userData'] = { userIdentifiers: identifiers };
  const consent = dataManagerConsent(event);
  if (consent) out['consent'] = consent;
  const device: Record<string, string> = {};
  if (event.user.userAgent) device['userAgent'] = event.user.userAgent;
  if (event.user.ip) device['ipAddress'] = event.user.ip;
  if (Object.keys(device).length > 0) out['eventDeviceInfo'] = device;
  return out;
}

/** `IngestEventsRequest` sending `events` to one conversion action (one destination). */
export function dataManagerBody(
  events: RelayEvent[],
  conversionActionId: string,
  ctx: BuildContext<GoogleAdsCredentials, GoogleAdsOptions>,
): Record<string, unknown> {
  const { credentials } = ctx;
  const destination: Record<string, unknown> = {
    operatingAccount: { accountType: 'GOOGLE_ADS', accountId: credentials.customer_id },
    productDestinationId: conversionActionId,
  };
  if (credentials.login_customer_id) {
    destination['loginAccount'] = { accountType: 'GOOGLE_ADS', accountId: credentials.login_customer_id };
  }
  const body: Record<string, unknown> = {
    destinations: [destination],
    events: events.map((event) => dataManagerEvent(event, ctx)),
    encoding: 'HEX',
  };
  if (ctx.options.validateOnly) body['validateOnly'] = true;
  return body;
}
