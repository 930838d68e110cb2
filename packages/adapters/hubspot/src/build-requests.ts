import {
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  type RelayEvent,
  normalizeEmail,
  uuidV5,
  withoutUndefined,
} from '@relay/core';
import { type HubspotCredentials, type HubspotOptions, type PropertySource, propertyMap } from './schemas';
import { HUBSPOT_EVENTS_API_VERSION } from './version';

type Ctx = CheckContext<HubspotCredentials, HubspotOptions>;

/** HubSpot's longest property value: 1,024 characters for URL, referrer and link properties, 256 for others. */
export const maxValueLength = (property: string): number => (/url|referrer|link/.test(property) ? 1024 : 256);

const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

/** The value of one property source for an event, as the string HubSpot takes; `undefined` when absent. */
export function sourceValue(event: RelayEvent, source: PropertySource): string | undefined {
  if (source.startsWith('record.')) return text(event.properties[source.slice('record.'.length)]);
  const { user, utm, items } = event;
  switch (source) {
    case 'order_id':
      return event.orderId;
    case 'value':
      return text(event.value);
    case 'currency':
      return event.value === undefined ? undefined : event.currency;
    case 'storefront':
      return event.storefront;
    case 'oms_event_name':
      return event.eventName;
    case 'session_id':
      return event.sessionId;
    case 'affiliate':
      return event.affiliate;
    case 'utm_source':
      return utm.source;
    case 'utm_medium':
      return utm.medium;
    case 'utm_campaign':
      return utm.campaign;
    case 'utm_term':
      return utm.term;
    case 'utm_content':
      return utm.content;
    case 'page_url':
      return event.pageUrl;
    case 'referrer':
      return event.referrer;
    case 'user_agent':
      return user.userAgent;
    case 'ip':
      return user.ip;
    case 'city':
      return user.city;
    case 'state':
      return user.state;
    case 'zip':
      return user.zip;
    case 'country':
      return user.country;
    case 'item_ids': {
      const ids = items.flatMap((i) => (i.id === undefined ? [] : [i.id]));
      return ids.length > 0 ? ids.join(',') : undefined;
    }
    case 'item_count':
      return items.length > 0 ? String(items.reduce((n, i) => n + (i.quantity ?? 1), 0)) : undefined;
  }
  return undefined;
}

/** The HubSpot user token of the visitor: the `hubspotutk` cookie value the OMS passed on, if any. */
export const utkOf = (event: RelayEvent): string | undefined =>
  text(event.properties['hubspotutk'] ?? event.properties['utk']);

/** The event's fully qualified name, `pe<portal id>_<name>`, or `undefined` for a name of another portal. */
export function qualifiedEventName(name: string, portalId: string): string | undefined {
  const qualified = /^pe(\d+)_/.exec(name);
  if (!qualified) return `pe${portalId}_${name}`;
  return qualified[1] === portalId ? name : undefined;
}

/**
 * Events HubSpot would refuse, refused before sending: an eventMap name qualified with another
 * portal's id, and an event with no email or `hubspotutk` to link it to a contact (unless the
 * event definition matches records by a property: `custom_matching_id`).
 */
export function check(mapped: MappedEvent, ctx: Ctx): Refusal | undefined {
  const portalId = ctx.credentials.portal_id;
  if (qualifiedEventName(mapped.name, portalId) === undefined) {
    return {
      status: 'rejected',
      code: 'event_name_other_portal',
      reason: `HubSpot event '${mapped.name}' belongs to account ${/^pe(\d+)_/.exec(mapped.name)?.[1]}, not to portal_id ${portalId}; fix options.eventMap or portal_id`,
    };
  }
  const { event } = mapped;
  if (
    normalizeEmail(event.user.email) === undefined &&
    utkOf(event) === undefined &&
    !ctx.options.custom_matching_id
  ) {
    return {
      status: 'rejected',
      code: 'missing_identifier',
      reason:
        'HubSpot links an event to a contact by email or hubspotutk: this event has neither (set custom_matching_id when the event definition matches records by a property)',
    };
  }
  return undefined;
}

export interface Completion {
  /** The `BehavioralEventHttpCompletionRequest` for the event. */
  body: Record<string, unknown>;
  /** Values shortened to HubSpot's length limits. */
  warnings: string[];
}

/** One event occurrence as HubSpot's send endpoints take it (the event passed `check`). */
export function completionOf(mapped: MappedEvent, ctx: Ctx): Completion {
  const { event } = mapped;
  const properties: Record<string, string> = {};
  const warnings: string[] = [];
  for (const [property, source] of propertyMap(ctx.options.properties)) {
    const value = sourceValue(event, source);
    if (value === undefined) continue;
    const max = maxValueLength(property);
    if (value.length > max) {
      properties[property] = value.slice(0, max);
      warnings.push(`HubSpot takes at most ${max} characters in '${property}'; the value was shortened`);
    } else properties[property] = value;
  }
  return {
    body: withoutUndefined({
      eventName: qualifiedEventName(mapped.name, ctx.credentials.portal_id),
      email: normalizeEmail(event.user.email),
      utk: utkOf(event),
      occurredAt: event.occurredAt.toISOString(),
      uuid: uuidV5(event.dedupKey),
      properties,
    }),
    warnings,
  };
}

/**
 * Pure: the events of a chunk (all passed `check`) grouped by HubSpot event name, in order of
 * first appearance; a group of one goes to `POST /events/v3/send`, a larger one to
 * `POST /events/v3/send/batch` `{inputs}` (core keeps chunks ≤ 500). HubSpot takes or refuses a
 * request as a whole, so one undefined event or property only fails the events of that name.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const groups = new Map<string, { inputs: Array<Record<string, unknown>>; eventIndexes: number[] }>();
  events.forEach((mapped, index) => {
    const { body } = completionOf(mapped, ctx);
    const eventName = String(body['eventName']);
    const group = groups.get(eventName) ?? { inputs: [], eventIndexes: [] };
    group.inputs.push(body);
    group.eventIndexes.push(index);
    groups.set(eventName, group);
  });
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${ctx.credentials.access_token}`,
  };
  const base = `${ctx.baseUrl}/events/${HUBSPOT_EVENTS_API_VERSION}/send`;
  return [...groups.values()].map(({ inputs, eventIndexes }) =>
    inputs.length === 1
      ? { method: 'POST', url: base, headers, body: inputs[0], eventIndexes }
      : { method: 'POST', url: `${base}/batch`, headers, body: { inputs }, eventIndexes },
  );
}
