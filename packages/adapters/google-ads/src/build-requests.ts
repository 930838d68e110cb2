import { type BuildContext, type HttpRequest, type MappedEvent, type RelayEvent } from '@relay/core';
import { ADS_API_BASE_URL, uploadClickConversionsBody, uploadConversionAdjustmentsBody } from './ads-api';
import { conversionActionOf, isAdjustment } from './check';
import { DATA_MANAGER_BASE_URL, dataManagerBody } from './data-manager';
import type { GoogleAdsCredentials, GoogleAdsOptions } from './schemas';

type Ctx = BuildContext<GoogleAdsCredentials, GoogleAdsOptions>;

interface Sendable {
  index: number;
  event: RelayEvent;
  conversionActionId: string;
}

/**
 * Pure: the same events and context always give the same requests. Every event passed `check`
 * (it has a conversion action, and a match key unless it is an Ads API adjustment).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const conversions: Sendable[] = [];
  const adjustments: Sendable[] = [];
  events.forEach((mapped, index) => {
    const sendable = {
      index,
      event: mapped.event,
      conversionActionId: conversionActionOf(mapped, ctx) ?? '',
    };
    (isAdjustment(mapped) ? adjustments : conversions).push(sendable);
  });
  return ctx.options.api === 'ads_api'
    ? adsApiRequests(conversions, adjustments, ctx)
    : dataManagerRequests(conversions, ctx);
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
 * one `:uploadConversionAdjustments` (both with partial failure, at most 2000 rows each). With
 * `partialFailure: true` Google executes the valid rows and names the failed ones in a 200, so
 * these requests are not all-or-nothing (`atomic: false` overrides the adapter's `batch.atomic`,
 * which is Data Manager's): a whole-request error is about the request, and halving it (or
 * resending rows Google already executed) would only cost requests.
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
      atomic: false,
    });
  }
  if (adjustments.length > 0) {
    requests.push({
      method: 'POST',
      url: `${customer}:uploadConversionAdjustments`,
      headers,
      body: uploadConversionAdjustmentsBody(adjustments, ctx),
      eventIndexes: adjustments.map((s) => s.index),
      atomic: false,
    });
  }
  return requests;
}
