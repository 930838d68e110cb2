import {
  type BuildContext,
  type HttpRequest,
  type MappedEvent,
  type RelayEvent,
  GA4_MAX_EVENTS_PER_REQUEST,
  type Ga4MpEvent,
  ga4EventBatches,
  ga4SessionId,
  ga4Value,
} from '@relay/core';
import { clientIdOf } from './client-id';
import { isGa4ParamName } from './event-map';
import type { SgtmCredentials, SgtmOptions } from './schemas';
import { type Ga4UserData, ga4UserData } from './user-data';

/** Most events GA4 accepts in one Measurement Protocol request. */
export const GA4_MAX_EVENTS = GA4_MAX_EVENTS_PER_REQUEST;
/** Most parameters GA4 keeps per event. */
const MAX_PARAMS = 25;
/** Longest parameter value GA4 keeps (standard properties). */
const MAX_PARAM_VALUE = 100;

/** Record keys Relay already turned into request fields, never repeated as parameters. */
const OWN_KEYS = new Set(['client_id', 'ga_client_id', 'ga_session_id']);

type ParamValue = string | number | boolean | Array<Record<string, string | number>>;

export interface Ga4Event {
  name: string;
  timestamp_micros: number;
  params: Record<string, ParamValue>;
}

/** The request-level part of a Measurement Protocol body: events share a request only when it is equal. */
interface Envelope {
  client_id: string;
  user_id?: string;
  non_personalized_ads?: boolean;
  consent?: { ad_user_data?: 'GRANTED' | 'DENIED'; ad_personalization?: 'GRANTED' | 'DENIED' };
  user_data?: Ga4UserData;
}

export type Ga4Body = Envelope & { timestamp_micros: number; events: Array<Ga4Event | Ga4MpEvent> };

const micros = (date: Date) => date.getTime() * 1000;
const upper = (status: 'granted' | 'denied' | undefined) =>
  status === undefined ? undefined : status === 'granted' ? 'GRANTED' : 'DENIED';

function envelopeOf(event: RelayEvent, defaultCountry: string): Envelope {
  const envelope: Envelope = { client_id: clientIdOf(event) };
  if (event.user.externalId !== undefined) envelope.user_id = event.user.externalId;
  if (event.consent.adPersonalization === 'denied') envelope.non_personalized_ads = true;
  const adUserData = upper(event.consent.adUserData);
  const adPersonalization = upper(event.consent.adPersonalization);
  if (adUserData || adPersonalization) {
    envelope.consent = {};
    if (adUserData) envelope.consent.ad_user_data = adUserData;
    if (adPersonalization) envelope.consent.ad_personalization = adPersonalization;
  }
  const userData = ga4UserData(event.user, defaultCountry);
  if (userData) envelope.user_data = userData;
  return envelope;
}

/**
 * The GA4 event for one mapped event: ecommerce parameters, the dedup key as `event_id` (so
 * sGTM tags that forward to Meta, TikTok… deduplicate against the pixel), GA's session id
 * (core's `ga4SessionId`; UTM values go in a `campaign_details` event), then the record's free scalar properties while GA4's 25-parameter limit allows.
 */
export function ga4Event({ event, name }: MappedEvent, options: SgtmOptions): Ga4Event {
  const params: Record<string, ParamValue> = {
    transaction_id: event.orderId,
    event_id: event.dedupKey,
    currency: event.currency,
  };
  const value = ga4Value(event);
  if (value !== undefined) params['value'] = value;
  if (event.items.length > 0) {
    params['items'] = event.items.map((item) => {
      const out: Record<string, string | number> = {};
      if (item.id !== undefined) out['item_id'] = item.id;
      if (item.name !== undefined) out['item_name'] = item.name;
      if (item.category !== undefined) out['item_category'] = item.category;
      if (item.price !== undefined) out['price'] = item.price;
      if (item.quantity !== undefined) out['quantity'] = item.quantity;
      return out;
    });
  }
  const sessionId = ga4SessionId(event);
  if (sessionId !== undefined) params['session_id'] = sessionId;
  if (options.engagementTimeMsec !== undefined) params['engagement_time_msec'] = options.engagementTimeMsec;
  if (event.affiliate !== undefined) params['affiliation'] = event.affiliate;
  const page: Array<[string, string | undefined]> = [
    ['page_location', event.pageUrl],
    ['page_referrer', event.referrer],
  ];
  for (const [key, value] of page) if (value !== undefined) params[key] = value;
  for (const [key, value] of Object.entries(event.properties)) {
    if (Object.keys(params).length >= MAX_PARAMS) break;
    if (key in params || !isGa4ParamName(key) || OWN_KEYS.has(key)) continue;
    if (typeof value === 'string') params[key] = value.slice(0, MAX_PARAM_VALUE);
    else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')
      params[key] = value;
  }
  return { name, timestamp_micros: micros(event.occurredAt), params };
}

/**
 * Measurement Protocol requests to `{base}/mp/collect`: events that share client id, user id,
 * consent and user data go in one request (in input order of their first event), with a
 * `campaign_details` event before each event whose campaign changes and at most 25 GA4 events
 * per request (core's `ga4EventBatches`); each event keeps its own `timestamp_micros`, and the
 * request's is its first event's.
 */
export function ga4Requests(
  events: MappedEvent[],
  ctx: BuildContext<SgtmCredentials, SgtmOptions>,
  base: string,
): HttpRequest[] {
  const { credentials } = ctx;
  const query = new URLSearchParams({
    measurement_id: credentials.measurement_id ?? '',
    api_secret: credentials.api_secret ?? '',
  });
  const url = `${base}/mp/collect?${query.toString()}`;
  const headers = { ...credentials.custom_headers, 'content-type': 'application/json' };
  const groups = new Map<string, { envelope: Envelope; indexes: number[] }>();
  events.forEach((mapped, index) => {
    const envelope = envelopeOf(mapped.event, ctx.defaultCountry);
    const key = JSON.stringify(envelope);
    const group = groups.get(key) ?? { envelope, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  });
  const requests = [...groups.values()].flatMap(({ envelope, indexes }) =>
    ga4EventBatches(
      indexes.map((i) => ({ index: i, event: events[i]!.event, ga4: ga4Event(events[i]!, ctx.options) })),
    ).map((batch): HttpRequest => {
      const body: Ga4Body = {
        ...envelope,
        timestamp_micros: batch.events[0]!.timestamp_micros,
        events: batch.events,
      };
      return { method: 'POST', url, headers, body, eventIndexes: batch.indexes };
    }),
  );
  return requests.sort((a, b) => a.eventIndexes[0]! - b.eventIndexes[0]!);
}
