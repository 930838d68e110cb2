import {
  type BuildContext,
  type BuildResult,
  type HttpRequest,
  type MappedEvent,
  type Outcome,
  type RelayEvent,
  sentEventKind,
} from '@relay/core';
import { ADS_API_BASE_URL, uploadClickConversionsBody, uploadConversionAdjustmentsBody } from './ads-api';
import { DATA_MANAGER_BASE_URL, dataManagerBody } from './data-manager';
import { conversionActionFor, eventMapping } from './event-map';
import type { GoogleAdsCredentials, GoogleAdsOptions } from './schemas';
import { clickIdentifier, googleIdentity } from './user-data';

type Ctx = BuildContext<GoogleAdsCredentials, GoogleAdsOptions>;

interface Sendable {
  index: number;
  event: RelayEvent;
  conversionActionId: string;
}

/** Why a refund cannot be sent through the Data Manager API. */
const NO_ADJUSTMENTS_IN_DATA_MANAGER =
  "Google Ads takes refunds and cancellations as conversion adjustments (retractions, restatements), which only the Google Ads API offers (the Data Manager API's events:ingest has none): set options.api to 'ads_api' (a refresh token with the adwords scope) to retract refunded orders";

/** Why an event cannot be sent, or `undefined` when it can. */
function unmatchable(event: RelayEvent, ctx: Ctx): string | undefined {
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

/** Pure: the same events and context always give the same requests. */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const outcomes: Array<{ index: number; outcome: Outcome }> = [];
  const sendable: Sendable[] = [];
  const adjustments: Sendable[] = [];
  events.forEach((mapped, index) => {
    const { event, name } = mapped;
    const conversionActionId = conversionActionFor(
      event.eventName,
      name,
      ctx.credentials.conversion_action_id,
      ctx.options.conversionActions,
    );
    if (conversionActionId === undefined) {
      outcomes.push({
        index,
        outcome: {
          status: 'skipped',
          reason: `no Google Ads conversion action for '${event.eventName}'; set options.conversionActions.${event.eventName}`,
        },
      });
      return;
    }
    if (sentEventKind(mapped, eventMapping) === 'refund') {
      // A retraction is keyed by order id and conversion action: no click id or user data needed.
      if (ctx.options.api === 'ads_api') adjustments.push({ index, event, conversionActionId });
      else outcomes.push({ index, outcome: { status: 'skipped', reason: NO_ADJUSTMENTS_IN_DATA_MANAGER } });
      return;
    }
    const reason = unmatchable(event, ctx);
    if (reason) {
      outcomes.push({ index, outcome: { status: 'skipped', reason } });
      return;
    }
    sendable.push({ index, event, conversionActionId });
  });
  const requests =
    ctx.options.api === 'ads_api'
      ? adsApiRequests(sendable, adjustments, ctx)
      : dataManagerRequests(sendable, ctx);
  return { requests, outcomes };
}

/** The credential's `base_url` override (sandbox, simulator) applies to both Google hosts. */
const hostFor = (ctx: Ctx, defaultHost: string) =>
  ctx.baseUrl === DATA_MANAGER_BASE_URL ? defaultHost : ctx.baseUrl;

/** One request per conversion action: each Data Manager destination is one conversion action. */
function dataManagerRequests(sendable: Sendable[], ctx: Ctx): HttpRequest[] {
  if (sendable.length === 0) return [];
  const byAction = new Map<string, Sendable[]>();
  for (const s of sendable)
    byAction.set(s.conversionActionId, [...(byAction.get(s.conversionActionId) ?? []), s]);
  return [...byAction].map(([actionId, group]) => ({
    method: 'POST',
    url: `${hostFor(ctx, DATA_MANAGER_BASE_URL)}/v1/events:ingest`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.accessToken ?? ''}` },
    body: dataManagerBody(
      group.map((s) => s.event),
      actionId,
      ctx,
    ),
    eventIndexes: group.map((s) => s.index),
  }));
}

/**
 * Ads API: the click conversions in one `:uploadClickConversions`, and refunds or cancellations in
 * one `:uploadConversionAdjustments` (both with partial failure, at most 2000 rows each).
 */
function adsApiRequests(sendable: Sendable[], adjustments: Sendable[], ctx: Ctx): HttpRequest[] {
  const { credentials, options } = ctx;
  // Developer tokens were sunset on 2026-09-09: API access belongs to the OAuth client's Cloud
  // project and the header is "optional and ignored by the API servers"
  // (developers.google.com/google-ads/api/docs/api-policy/developer-token); sent only when set.
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${ctx.accessToken ?? ''}`,
  };
  if (credentials.developer_token) headers['developer-token'] = credentials.developer_token;
  if (credentials.login_customer_id) headers['login-customer-id'] = credentials.login_customer_id;
  const customer = `${hostFor(ctx, ADS_API_BASE_URL)}/${options.adsApiVersion}/customers/${credentials.customer_id}`;
  const requests: HttpRequest[] = [];
  if (sendable.length > 0) {
    requests.push({
      method: 'POST',
      url: `${customer}:uploadClickConversions`,
      headers,
      body: uploadClickConversionsBody(sendable, ctx),
      eventIndexes: sendable.map((s) => s.index),
    });
  }
  if (adjustments.length > 0) {
    requests.push({
      method: 'POST',
      url: `${customer}:uploadConversionAdjustments`,
      headers,
      body: uploadConversionAdjustmentsBody(adjustments, ctx),
      eventIndexes: adjustments.map((s) => s.index),
    });
  }
  return requests;
}
