import type { OmsRecord } from './oms-schema';

/** Identifiers of the person behind an event, as the OMS sent them (not yet normalised). */
export interface UserIdentifiers {
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  externalId?: string;
  ip?: string;
  userAgent?: string;
}

export const CLICK_ID_KEYS = [
  'fbc',
  'fbp',
  'fbclid',
  'gclid',
  'gbraid',
  'wbraid',
  'ttclid',
  'ttp',
  'sc_click_id',
  'epik',
  'rdt_cid',
  'twclid',
  'li_fat_id',
  'msclkid',
  'irclickid',
  'cjevent',
] as const;

export type ClickIdKey = (typeof CLICK_ID_KEYS)[number];
export type ClickIds = Partial<Record<ClickIdKey, string>>;

export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

export interface EventItem {
  id?: string;
  name?: string;
  price?: number;
  quantity?: number;
  category?: string;
}

export type ConsentStatus = 'granted' | 'denied';

export interface Consent {
  adUserData?: ConsentStatus;
  adPersonalization?: ConsentStatus;
}

/** The canonical event every adapter receives. */
export interface RelayEvent {
  /** Unique per storefront: the record's `event_id`, else `storefront:event_name:order_id`. */
  dedupKey: string;
  storefront: string;
  /** The OMS's event name (snake_case), the key of the default mapping. */
  eventName: string;
  /** When the event happened (the record's own time, never the time of sending). */
  occurredAt: Date;
  orderId: string;
  value?: number;
  currency: string;
  sessionId?: string;
  affiliate?: string;
  user: UserIdentifiers;
  clickIds: ClickIds;
  utm: Utm;
  items: EventItem[];
  consent: Consent;
  pageUrl?: string;
  referrer?: string;
  /** Every key of the record not read into a field above. */
  properties: Record<string, unknown>;
}

export interface ToRelayEventOptions {
  /** ISO 4217 currency when the record carries none (default `USD`). */
  defaultCurrency?: string;
}

const text = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

const num = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
};

/** Compute the dedup key of a record (see contract.md's dedup rule). */
export function dedupKeyOf(record: {
  event_id?: string | number | null;
  storefront_id: string;
  event_name: string;
  order_id: string | number;
}): string {
  const explicit = text(record.event_id);
  if (explicit) return explicit;
  return `${record.storefront_id.trim().toLowerCase()}:${record.event_name.trim()}:${String(record.order_id).trim()}`;
}

function consentOf(value: unknown): ConsentStatus | undefined {
  const v = text(value)?.toLowerCase();
  if (v === 'granted' || v === 'true' || v === 'yes' || v === '1') return 'granted';
  if (v === 'denied' || v === 'false' || v === 'no' || v === '0') return 'denied';
  return undefined;
}

function itemsOf(value: unknown): EventItem[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => {
      const out: EventItem = {};
      const id = text(item['id'] ?? item['item_id'] ?? item['sku']);
      const name = text(item['name'] ?? item['item_name']);
      const price = num(item['price']);
      const quantity = num(item['quantity']);
      const category = text(item['category'] ?? item['item_category']);
      if (id !== undefined) out.id = id;
      if (name !== undefined) out.name = name;
      if (price !== undefined) out.price = price;
      if (quantity !== undefined) out.quantity = quantity;
      if (category !== undefined) out.category = category;
      return out;
    });
}

/** Drop `undefined` values so events compare and snapshot cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Turn a validated OMS record into the canonical `RelayEvent`. Pure: the same record always
 * gives the same event. Keys Relay reads (listed in packages/core/README.md) become fields, first match wins;
 * every other key is kept in `properties`.
 */
export function toRelayEvent(record: OmsRecord, options: ToRelayEventOptions = {}): RelayEvent {
  const r = record as Record<string, unknown>;
  const used = new Set<string>();
  const pick = (...keys: string[]): unknown => {
    for (const key of keys) used.add(key);
    for (const key of keys) {
      const v = r[key];
      if (v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')) return v;
    }
    return undefined;
  };
  const pickText = (...keys: string[]) => text(pick(...keys));

  const storefront = record.storefront_id.trim().toLowerCase();
  const eventName = record.event_name.trim();
  const orderId = String(record.order_id).trim();
  used.add('storefront_id').add('event_name').add('event_time').add('order_id');

  const clickIds: ClickIds = {};
  for (const key of CLICK_ID_KEYS) {
    const v = pickText(key);
    if (v !== undefined) clickIds[key] = v;
  }

  const currency = (pickText('currency') ?? options.defaultCurrency ?? 'USD').toUpperCase();
  const value = num(pick('order_revenue', 'value', 'revenue'));

  const event: RelayEvent = {
    dedupKey: dedupKeyOf({ ...record, event_id: pickText('event_id') ?? null }),
    storefront,
    eventName,
    occurredAt: new Date(record.event_time),
    orderId,
    currency,
    user: compact<UserIdentifiers>({
      email: pickText('email', 'customer_email'),
      phone: pickText('phone', 'customer_phone'),
      firstName: pickText('first_name'),
      lastName: pickText('last_name'),
      city: pickText('city'),
      state: pickText('state'),
      zip: pickText('zip', 'postal_code'),
      country: pickText('country'),
      externalId: pickText('external_id', 'customer_id', 'user_id'),
      ip: pickText('ip_address', 'client_ip'),
      userAgent: pickText('user_agent'),
    }),
    clickIds,
    utm: compact<Utm>({
      source: pickText('utm_source'),
      medium: pickText('utm_medium'),
      campaign: pickText('utm_campaign'),
      term: pickText('utm_term'),
      content: pickText('utm_content'),
    }),
    items: itemsOf(pick('items')),
    consent: compact<Consent>({
      adUserData: consentOf(pick('consent_ad_user_data')),
      adPersonalization: consentOf(pick('consent_ad_personalization')),
    }),
    properties: {},
  };
  if (value !== undefined) event.value = value;
  const sessionId = pickText('session_id');
  if (sessionId !== undefined) event.sessionId = sessionId;
  const affiliate = pickText('t-value');
  if (affiliate !== undefined) event.affiliate = affiliate;
  const pageUrl = pickText('page_url', 'event_source_url');
  if (pageUrl !== undefined) event.pageUrl = pageUrl;
  const referrer = pickText('referrer');
  if (referrer !== undefined) event.referrer = referrer;

  for (const [key, v] of Object.entries(r)) {
    if (!used.has(key) && v !== undefined) event.properties[key] = v;
  }
  return event;
}

/** JSON form of a RelayEvent (dates as ISO strings), for storage and logs. */
export function relayEventToJSON(event: RelayEvent): Record<string, unknown> {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}

/** Inverse of `relayEventToJSON`. */
export function relayEventFromJSON(json: Record<string, unknown>): RelayEvent {
  return { ...(json as unknown as RelayEvent), occurredAt: new Date(String(json['occurredAt'])) };
}
