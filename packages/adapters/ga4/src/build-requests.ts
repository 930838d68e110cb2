import {
  type BuildContext,
  type ConsentStatus,
  type HttpRequest,
  type MappedEvent,
  type RelayEvent,
  ga4EventBatches,
  ga4Value,
} from '@relay/core';
import { clientIdFor, sessionIdFor } from './client-id';
import type { Ga4Credentials, Ga4Options } from './schemas';
import { ga4UserData } from './user-data';

type Ctx = BuildContext<Ga4Credentials, Ga4Options>;

export const GA4_BASE_URL = 'https://www.google-analytics.com';
export const GA4_EU_BASE_URL = 'https://region1.google-analytics.com';

const micros = (date: Date) => date.getTime() * 1000;

const consentStatus = (s: ConsentStatus | undefined) =>
  s === 'granted' ? 'GRANTED' : s === 'denied' ? 'DENIED' : undefined;

function consentOf(event: RelayEvent): Record<string, string> | undefined {
  const consent: Record<string, string> = {};
  const adUserData = consentStatus(event.consent.adUserData);
  const adPersonalization = consentStatus(event.consent.adPersonalization);
  if (adUserData) consent['ad_user_data'] = adUserData;
  if (adPersonalization) consent['ad_personalization'] = adPersonalization;
  return Object.keys(consent).length > 0 ? consent : undefined;
}

/** Event params: transaction id, value, items, GA session id and page fields (UTM values go in a `campaign_details` event). */
export function eventParams(event: RelayEvent): Record<string, unknown> {
  const params: Record<string, unknown> = { transaction_id: event.orderId };
  const value = ga4Value(event);
  if (value !== undefined) {
    params['value'] = value;
    params['currency'] = event.currency;
  }
  if (event.items.length > 0) {
    params['items'] = event.items.map((item) => {
      const out: Record<string, unknown> = {};
      if (item.id !== undefined) out['item_id'] = item.id;
      if (item.name !== undefined) out['item_name'] = item.name;
      if (item.price !== undefined) out['price'] = item.price;
      if (item.quantity !== undefined) out['quantity'] = item.quantity;
      if (item.category !== undefined) out['item_category'] = item.category;
      return out;
    });
  }
  const sessionId = sessionIdFor(event);
  if (sessionId) params['session_id'] = sessionId;
  if (event.pageUrl) params['page_location'] = event.pageUrl;
  if (event.referrer) params['page_referrer'] = event.referrer;
  // Engagement time makes the event count for active users and show in Realtime.
  params['engagement_time_msec'] = 1;
  return params;
}

/** Request-level fields every event of one request must share. */
function envelope(event: RelayEvent, ctx: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = { client_id: clientIdFor(event) };
  if (event.user.externalId) out['user_id'] = event.user.externalId;
  const consent = consentOf(event);
  if (consent) out['consent'] = consent;
  const userData = ga4UserData(event, ctx.defaultCountry);
  if (userData) out['user_data'] = userData;
  return out;
}

/**
 * Pure: events grouped by everything GA4 keeps per request (client id, user id, consent, user
 * data), at most 25 GA4 events per request, each with its own `timestamp_micros`; an event
 * with UTM values is preceded by a `campaign_details` event (core's `ga4EventBatches`).
 * Validation mode sends to `/debug/mp/collect` instead.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const groups = new Map<string, { envelope: Record<string, unknown>; indexes: number[] }>();
  events.forEach(({ event }, index) => {
    const env = envelope(event, ctx);
    const key = JSON.stringify(env);
    const group = groups.get(key) ?? { envelope: env, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  });
  const base = ctx.options.region === 'eu' && ctx.baseUrl === GA4_BASE_URL ? GA4_EU_BASE_URL : ctx.baseUrl;
  const path = ctx.options.validate ? '/debug/mp/collect' : '/mp/collect';
  const query = new URLSearchParams({
    measurement_id: ctx.credentials.measurement_id,
    api_secret: ctx.credentials.api_secret,
  });
  return [...groups.values()].flatMap(({ envelope: env, indexes }) =>
    ga4EventBatches(
      indexes.map((i) => {
        const { event, name } = events[i]!;
        return {
          index: i,
          event,
          ga4: { name, params: eventParams(event), timestamp_micros: micros(event.occurredAt) },
        };
      }),
    ).map((batch): HttpRequest => {
      const body: Record<string, unknown> = { ...env, timestamp_micros: batch.events[0]!.timestamp_micros };
      if (ctx.options.validate) body['validation_behavior'] = 'ENFORCE_RECOMMENDATIONS';
      body['events'] = batch.events;
      return {
        method: 'POST',
        url: `${base}${path}?${query.toString()}`,
        headers: { 'content-type': 'application/json' },
        body,
        eventIndexes: batch.indexes,
      };
    }),
  );
}
