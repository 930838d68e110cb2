import {
  type BuildContext,
  type BuildResult,
  type HttpRequest,
  type MappedEvent,
  type Outcome,
  type RelayEvent,
  normalizeEmail,
  uuidV5,
  withoutUndefined,
} from '@relay/core';
import { type HubspotCredentials, type HubspotOptions, type PropertySource, propertyMap } from './schemas';
import { HUBSPOT_EVENTS_API_VERSION } from './version';

type Ctx = BuildContext<HubspotCredentials, HubspotOptions>;

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

/** The event's fully qualified name, `pe<portal id>_<name>`, or why it cannot be sent. */
export function qualifiedEventName(
  name: string,
  portalId: string,
): { eventName: string } | { outcome: Outcome } {
  const qualified = /^pe(\d+)_/.exec(name);
  if (!qualified) return { eventName: `pe${portalId}_${name}` };
  if (qualified[1] === portalId) return { eventName: name };
  return {
    outcome: {
      status: 'rejected',
      code: 'event_name_other_portal',
      reason: `HubSpot event '${name}' belongs to account ${qualified[1]}, not to portal_id ${portalId}; fix options.eventMap or portal_id`,
    },
  };
}

export interface Completion {
  /** The `BehavioralEventHttpCompletionRequest` for the event. */
  body: Record<string, unknown>;
  /** Values shortened to HubSpot's length limits. */
  warnings: string[];
}

/** One event occurrence as HubSpot's send endpoints take it, or the outcome that stops it. */
export function completionOf(mapped: MappedEvent, ctx: Ctx): Completion | { outcome: Outcome } {
  const { event } = mapped;
  const name = qualifiedEventName(mapped.name, ctx.credentials.portal_id);
  if ('outcome' in name) return name;
  const email = normalizeEmail(event.user.email);
  const utk = utkOf(event);
  if (email === undefined && utk === undefined && !ctx.options.custom_matching_id) {
    return {
      outcome: {
        status: 'rejected',
        code: 'missing_identifier',
        reason:
          'HubSpot links an event to a contact by email or hubspotutk: this event has neither (set custom_matching_id when the event definition matches records by a property)',
      },
    };
  }
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
      eventName: name.eventName,
      email,
      utk,
      occurredAt: event.occurredAt.toISOString(),
      uuid: uuidV5(event.dedupKey),
      properties,
    }),
    warnings,
  };
}

/**
 * Pure: the events of a chunk grouped by HubSpot event name, in order of first appearance; a
 * group of one goes to `POST /events/v3/send`, a larger one to `POST /events/v3/send/batch`
 * `{inputs}` (core keeps chunks ≤ 500). HubSpot takes or refuses a request as a whole, so one
 * undefined event or property only fails the events of that name. Events whose name belongs to
 * another portal, or that carry no email or `hubspotutk`, are rejected before sending.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): BuildResult {
  const outcomes: NonNullable<BuildResult['outcomes']> = [];
  const groups = new Map<string, { inputs: Array<Record<string, unknown>>; eventIndexes: number[] }>();
  events.forEach((mapped, index) => {
    const completion = completionOf(mapped, ctx);
    if ('outcome' in completion) {
      outcomes.push({ index, outcome: completion.outcome });
      return;
    }
    const eventName = String(completion.body['eventName']);
    const group = groups.get(eventName) ?? { inputs: [], eventIndexes: [] };
    group.inputs.push(completion.body);
    group.eventIndexes.push(index);
    groups.set(eventName, group);
  });
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${ctx.credentials.access_token}`,
  };
  const base = `${ctx.baseUrl}/events/${HUBSPOT_EVENTS_API_VERSION}/send`;
  const requests: HttpRequest[] = [...groups.values()].map(({ inputs, eventIndexes }) =>
    inputs.length === 1
      ? { method: 'POST', url: base, headers, body: inputs[0], eventIndexes }
      : { method: 'POST', url: `${base}/batch`, headers, body: { inputs }, eventIndexes },
  );
  return { requests, outcomes };
}
