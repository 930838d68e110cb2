import type { RelayEvent } from './relay-event';

/**
 * Session and campaign attribution for GA4's Measurement Protocol, shared by @relay/adapter-ga4
 * and @relay/adapter-sgtm.
 *
 * - `session_id` joins an event to a web session only when it is GA's own session id (the
 *   number in the `_ga_<container id>` cookie, or gtag's `session_id` field); the OMS
 *   `session_id` is not one, so it is never sent as `session_id`. The record carries GA's id
 *   as `ga_session_id`.
 * - UTM values: GA4 reads traffic source for Measurement Protocol events from a
 *   `campaign_details` event (params `campaign_id`, `campaign`, `source`, `medium`, `term`,
 *   `content`), which applies to the client's events whose timestamp is equal or later
 *   (developers.google.com/analytics/devguides/collection/protocol/ga4/reference/events#campaign_details).
 *   On other events those names are unregistered custom parameters.
 */

/** Most events GA4 takes in one Measurement Protocol request. */
export const GA4_MAX_EVENTS_PER_REQUEST = 25;

/** One event of a Measurement Protocol body. */
export interface Ga4MpEvent {
  name: string;
  timestamp_micros: number;
  params: Record<string, unknown>;
}

const GA_SESSION_ID = /^\d{1,20}$/;

/** GA's own session id from the record's `ga_session_id` (digits only); `undefined` otherwise. */
export function ga4SessionId(event: RelayEvent): string | undefined {
  const value = event.properties['ga_session_id'];
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  return typeof text === 'string' && GA_SESSION_ID.test(text.trim()) ? text.trim() : undefined;
}

/** The `campaign_details` params of an event's UTM fields; `undefined` when it has none. */
export function ga4CampaignParams(event: RelayEvent): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const fields: Array<[string, string | undefined]> = [
    ['source', event.utm.source],
    ['medium', event.utm.medium],
    ['campaign', event.utm.campaign],
    ['term', event.utm.term],
    ['content', event.utm.content],
  ];
  for (const [key, value] of fields) if (value !== undefined) params[key] = value;
  return Object.keys(params).length > 0 ? params : undefined;
}

/**
 * Lays out the events of one request group (events that share the request-level envelope) as
 * request bodies' event lists: before each event whose campaign differs from the last one set in
 * the same request, a `campaign_details` event at the event's own time; at most `maxEvents`
 * events per request, campaign events included. `indexes` are the caller's event indexes.
 */
export function ga4EventBatches<E extends Ga4MpEvent>(
  entries: Array<{ index: number; event: RelayEvent; ga4: E }>,
  maxEvents = GA4_MAX_EVENTS_PER_REQUEST,
): Array<{ indexes: number[]; events: Array<E | Ga4MpEvent> }> {
  const batches: Array<{ indexes: number[]; events: Array<E | Ga4MpEvent> }> = [];
  let current: { indexes: number[]; events: Array<E | Ga4MpEvent> } | undefined;
  let campaignKey: string | undefined;
  for (const { index, event, ga4 } of entries) {
    const campaign = ga4CampaignParams(event);
    const key = campaign === undefined ? undefined : JSON.stringify(campaign);
    const needed = (current === undefined || key !== campaignKey) && campaign !== undefined ? 2 : 1;
    if (current === undefined || current.events.length + needed > maxEvents) {
      current = { indexes: [], events: [] };
      batches.push(current);
      campaignKey = undefined;
    }
    if (campaign !== undefined && key !== campaignKey) {
      current.events.push({
        name: 'campaign_details',
        timestamp_micros: ga4.timestamp_micros,
        params: campaign,
      });
      campaignKey = key;
    }
    current.indexes.push(index);
    current.events.push(ga4);
  }
  return batches;
}

/**
 * For the events of one request, in order, the index of the event each entry of the body's
 * `events[]` belongs to (a `campaign_details` entry belongs to the event it precedes), so an
 * answer naming `events[k]` can be traced back to the event.
 */
export function ga4BodyEventOwners(events: RelayEvent[]): number[] {
  const owners: number[] = [];
  let campaignKey: string | undefined;
  events.forEach((event, index) => {
    const campaign = ga4CampaignParams(event);
    const key = campaign === undefined ? undefined : JSON.stringify(campaign);
    if (campaign !== undefined && key !== campaignKey) {
      owners.push(index);
      campaignKey = key;
    }
    owners.push(index);
  });
  return owners;
}
