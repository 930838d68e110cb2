import { createHash } from 'node:crypto';
import type { AdapterCategory } from '../adapter';
import { ConfigError } from '../errors';
import type { ClickIdKey, EventItem, RelayEvent, UserIdentifiers } from '../relay-event';
import {
  DEFAULT_ALLOWED_EVENTS,
  type IdentifierClass,
  RESERVED_RECORD_KEYS,
  identifierClassOf,
} from './fields';
import { decodePseudonymKey, pseudonymize } from './pseudonymize';
import { type RestrictedProcessing, restrictedProcessingOf } from './restricted-processing';
import type { DestinationPrivacy, StorefrontPrivacy } from './schema';

/** The storefront's privacy settings plus its pseudonymisation key (required in health mode). */
export interface StorefrontPolicy extends StorefrontPrivacy {
  /** The storefront's random HMAC key (base64url or bytes), unsealed by the host. */
  pseudonym_key?: string | Uint8Array | undefined;
}

/** The platform the event goes to: decides how a denied ad-personalisation consent is expressed. */
export interface PrivacyTarget {
  code: string;
  category: AdapterCategory;
}

export type PrivacyDecision = { action: 'send' } | { action: 'suppress'; reason: string };

export interface PrivacyResult {
  decision: PrivacyDecision;
  /** The event as it may leave (the input event, untouched, when suppressed). */
  event: RelayEvent;
  /** Record keys removed or cut (`email`, `fbc`, `items.name`, `page_url.path_and_query`…), sorted. */
  removedFields: string[];
  /** Record keys replaced by a keyed pseudonym or an alias (`event_name`, `order_id`, `event_id`, `external_id`). */
  replacedFields: string[];
  /** How the platform is told that ad personalisation was denied, when it was. */
  restrictedProcessing?: RestrictedProcessing;
  /** Short hash of the settings that applied (mode, aliases, destination lists; never the key). */
  policyHash: string;
}

const USER_FIELDS: ReadonlyArray<[keyof UserIdentifiers, string, IdentifierClass]> = [
  ['email', 'email', 'email'],
  ['phone', 'phone', 'phone'],
  ['firstName', 'first_name', 'name_address'],
  ['lastName', 'last_name', 'name_address'],
  ['city', 'city', 'name_address'],
  ['state', 'state', 'name_address'],
  ['zip', 'zip', 'name_address'],
  ['country', 'country', 'name_address'],
  ['externalId', 'external_id', 'external_id'],
  ['ip', 'ip_address', 'ip'],
  ['userAgent', 'user_agent', 'user_agent'],
];

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** Canonical JSON (sorted keys) for hashing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The events a health-mode destination may receive: its list, else the defaults plus the storefront's aliases. */
export function allowedEventsOf(destination: DestinationPrivacy, storefront: StorefrontPrivacy): string[] {
  return (
    destination.allowed_events ?? [
      ...DEFAULT_ALLOWED_EVENTS,
      ...new Set(Object.values(storefront.event_aliases)),
    ]
  );
}

/**
 * A short, stable hash of the policy that applies to a destination: in standard mode (or for a
 * BAA destination) only the consent rules apply, so every such destination shares one hash.
 */
export function privacyPolicyHash(destination: DestinationPrivacy, storefront: StorefrontPrivacy): string {
  const governed = storefront.privacy_mode === 'health' && !destination.baa;
  const settings = governed
    ? {
        v: 1,
        mode: 'health',
        event_aliases: storefront.event_aliases,
        allowed_events: [...allowedEventsOf(destination, storefront)].sort(),
        allowed_properties: [...destination.allowed_properties].sort(),
        allowed_identifiers: [...destination.allowed_identifiers].sort(),
      }
    : { v: 1, mode: storefront.privacy_mode, baa: destination.baa };
  return createHash('sha256').update(canonical(settings)).digest('hex').slice(0, 16);
}

/** Only the origin of a URL (`https://shop.example`), or `undefined` when it is not an http(s) URL. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

function copyEvent(event: RelayEvent): RelayEvent {
  return {
    ...event,
    user: { ...event.user },
    clickIds: { ...event.clickIds },
    utm: { ...event.utm },
    items: event.items.map((item) => ({ ...item })),
    consent: { ...event.consent },
    properties: { ...event.properties },
  };
}

/**
 * Apply a destination's privacy policy to one event. Pure: no I/O, the same input always gives
 * the same output.
 *
 * In health mode, for a destination without `baa: true`: the event name is aliased, then checked
 * against `allowed_events` (a name not allowed is suppressed with a `privacy:` reason); properties
 * and identifiers not allowed are removed; item names and categories (free text) leave only when
 * named; page and referrer URLs are cut to their origin unless allowed; order, user and event ids
 * are replaced by a keyed HMAC. In every mode and for every destination: a denied
 * `consent_ad_user_data` removes all identifiers, and a denied `consent_ad_personalization`
 * selects the platform's restricted-processing signal (`restrictedProcessingOf`), removing the
 * identifiers where the platform has none.
 */
export function applyPrivacyPolicy(
  event: RelayEvent,
  destination: DestinationPrivacy,
  storefront: StorefrontPolicy,
  target?: PrivacyTarget,
): PrivacyResult {
  const policyHash = privacyPolicyHash(destination, storefront);
  const out = copyEvent(event);
  const removed = new Set<string>();
  const replaced = new Set<string>();

  const removeIdentifiers = (keep: (cls: IdentifierClass) => boolean) => {
    for (const [field, key, cls] of USER_FIELDS) {
      if (out.user[field] !== undefined && !keep(cls)) {
        delete out.user[field];
        removed.add(key);
      }
    }
    if (!keep('click_ids')) {
      for (const key of Object.keys(out.clickIds) as ClickIdKey[]) {
        delete out.clickIds[key];
        removed.add(key);
      }
    }
    for (const key of Object.keys(out.properties)) {
      const cls = identifierClassOf(key);
      if (cls !== undefined && !keep(cls)) {
        delete out.properties[key];
        removed.add(key);
      }
    }
  };

  if (storefront.privacy_mode === 'health' && !destination.baa) {
    const original = event.eventName;
    const alias = storefront.event_aliases[original];
    const allowedEvents = allowedEventsOf(destination, storefront);
    const name = alias ?? original;
    if (!allowedEvents.includes(name) && !(alias !== undefined && allowedEvents.includes(original))) {
      const shown = alias === undefined ? `'${original}'` : `'${original}' (alias '${alias}')`;
      return {
        decision: {
          action: 'suppress',
          reason: `privacy: event ${shown} is not in this destination's allowed_events (health mode)`,
        },
        event,
        removedFields: [],
        replacedFields: [],
        policyHash,
      };
    }
    if (alias !== undefined) {
      out.eventName = alias;
      replaced.add('event_name');
    }

    if (storefront.pseudonym_key === undefined) {
      throw new ConfigError(
        `privacy: storefront '${event.storefront}' is in health mode but has no pseudonymisation key`,
        { field: 'pseudonym_key' },
      );
    }
    const key = decodePseudonymKey(storefront.pseudonym_key);
    out.orderId = pseudonymize(key, 'order_id', event.orderId);
    out.dedupKey = pseudonymize(key, 'event_id', event.dedupKey);
    replaced.add('order_id').add('event_id');

    const identifiers = new Set<IdentifierClass>(destination.allowed_identifiers);
    removeIdentifiers((cls) => identifiers.has(cls));
    if (out.user.externalId !== undefined) {
      out.user.externalId = pseudonymize(key, 'user_id', out.user.externalId);
      replaced.add('external_id');
    }
    for (const [k, v] of Object.entries(out.properties)) {
      if (identifierClassOf(k) !== 'external_id') continue;
      out.properties[k] = pseudonymize(key, 'user_id', typeof v === 'string' ? v : JSON.stringify(v));
      replaced.add(k);
    }

    const props = new Set(destination.allowed_properties);
    for (const [k, v] of Object.entries(out.properties)) {
      if (identifierClassOf(k) !== undefined) continue; // allowed identifier class, kept above
      if (RESERVED_RECORD_KEYS.has(k) || !props.has(k)) {
        delete out.properties[k];
        removed.add(k);
      } else if (v === undefined) {
        delete out.properties[k];
      }
    }
    if (out.value !== undefined && !['value', 'order_revenue', 'revenue'].some((k) => props.has(k))) {
      delete out.value;
      removed.add('value');
    }
    if (out.sessionId !== undefined && !props.has('session_id')) {
      delete out.sessionId;
      removed.add('session_id');
    }
    if (out.affiliate !== undefined && !props.has('t-value')) {
      delete out.affiliate;
      removed.add('t-value');
    }
    for (const k of UTM_KEYS) {
      if (out.utm[k] !== undefined && !props.has(`utm_${k}`)) {
        delete out.utm[k];
        removed.add(`utm_${k}`);
      }
    }
    if (out.items.length > 0) {
      if (!props.has('items')) {
        out.items = [];
        removed.add('items');
      } else {
        out.items = out.items.map((item) => {
          const kept: EventItem = { ...item };
          if (kept.name !== undefined && !props.has('items.name')) {
            delete kept.name;
            removed.add('items.name');
          }
          if (kept.category !== undefined && !props.has('items.category')) {
            delete kept.category;
            removed.add('items.category');
          }
          return kept;
        });
      }
    }
    for (const [field, key] of [
      ['pageUrl', 'page_url'],
      ['referrer', 'referrer'],
    ] as const) {
      const url = out[field];
      if (url === undefined || props.has(key)) continue;
      const origin = originOf(url);
      if (origin === undefined) {
        delete out[field];
        removed.add(key);
      } else if (origin !== url) {
        out[field] = origin;
        removed.add(`${key}.path_and_query`);
      }
    }
  }

  // Consent, in every mode and for every destination.
  if (event.consent.adUserData === 'denied') removeIdentifiers(() => false);
  let restrictedProcessing: RestrictedProcessing | undefined;
  if (event.consent.adPersonalization === 'denied' && target !== undefined) {
    restrictedProcessing = restrictedProcessingOf(target);
    if (restrictedProcessing.via === 'identifiers-removed') removeIdentifiers(() => false);
  }

  const result: PrivacyResult = {
    decision: { action: 'send' },
    event: out,
    removedFields: [...removed].sort(),
    replacedFields: [...replaced].sort(),
    policyHash,
  };
  if (restrictedProcessing !== undefined) result.restrictedProcessing = restrictedProcessing;
  return result;
}
