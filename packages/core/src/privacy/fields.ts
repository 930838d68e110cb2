import { CLICK_ID_KEYS } from '../relay-event';

/**
 * The identifier classes a destination may be allowed to receive in health mode, and the OMS
 * record keys each one covers. Everything an adapter can match a person with belongs to exactly
 * one class; a class not allowed is removed from the event, raw or hashed.
 */
export const IDENTIFIER_CLASSES = [
  'email',
  'phone',
  'name_address',
  'external_id',
  'ip',
  'user_agent',
  'click_ids',
  'device_ids',
] as const;

export type IdentifierClass = (typeof IDENTIFIER_CLASSES)[number];

/**
 * Record keys of device and browser ids that adapters read from `properties` (mobile advertising
 * ids, vendor ids, attribution-SDK ids, first-party cookie ids). They leave only with `device_ids`.
 */
export const DEVICE_ID_KEYS = [
  'idfa',
  'idfv',
  'gaid',
  'gps_adid',
  'gpsaid',
  'advertising_id',
  'aaid',
  'adid',
  'aifa',
  'andi',
  'asid',
  'android_id',
  'fire_adid',
  'amazon_aid',
  'oaid',
  'web_uuid',
  'adjust_adid',
  'adjust_device_id',
  'appsflyer_id',
  'kochava_device_id',
  'adroll_fpc',
  '__adroll_fpc',
  'first_party_cookie',
  'crto_mapped_user_id',
  'mapped_user_id',
  'retailer_visitor_id',
  'pxid',
] as const;

/** Click tokens adapters read from `properties` besides the modelled `CLICK_ID_KEYS`. They leave only with `click_ids`. */
export const EXTRA_CLICK_ID_KEYS = [
  'adct',
  'qclid',
  'ScCid',
  'obclid',
  'ob_click_id',
  'tblci',
  'sapid',
  'dclid',
] as const;

/** The OMS record keys of each identifier class. */
export const IDENTIFIER_RECORD_KEYS: Readonly<Record<IdentifierClass, ReadonlyArray<string>>> = {
  email: ['email', 'customer_email'],
  phone: ['phone', 'customer_phone'],
  name_address: ['first_name', 'last_name', 'city', 'state', 'zip', 'postal_code', 'country'],
  external_id: ['external_id', 'customer_id', 'user_id'],
  ip: ['ip_address', 'client_ip'],
  user_agent: ['user_agent'],
  click_ids: [...CLICK_ID_KEYS, ...EXTRA_CLICK_ID_KEYS],
  device_ids: DEVICE_ID_KEYS,
};

/** Record keys that are never free properties: ids Relay pseudonymises itself, and every identifier key. */
export const RESERVED_RECORD_KEYS: ReadonlySet<string> = new Set([
  'storefront_id',
  'event_name',
  'event_time',
  'order_id',
  'event_id',
  ...Object.values(IDENTIFIER_RECORD_KEYS).flat(),
]);

/** The class a reserved identifier key belongs to (for error messages). */
export function identifierClassOf(recordKey: string): IdentifierClass | undefined {
  return IDENTIFIER_CLASSES.find((c) => IDENTIFIER_RECORD_KEYS[c].includes(recordKey));
}

/**
 * Record keys that name a RelayEvent field and may be listed in `allowed_properties`:
 * `value` (also `order_revenue`, `revenue`), `currency`, `session_id`, `t-value`, the `utm_*`
 * keys, `items` (ids, prices and quantities), `items.name` and `items.category` (free text),
 * `page_url` (the full URL; otherwise only its origin leaves) and `referrer` (likewise).
 * Any other key is a free property of the record.
 */
export const FIELD_PROPERTY_KEYS = [
  'value',
  'order_revenue',
  'revenue',
  'currency',
  'session_id',
  't-value',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'items',
  'items.name',
  'items.category',
  'page_url',
  'referrer',
] as const;

/**
 * Event names a new health-mode destination may receive when it lists none: the canonical
 * standard events (purchase, checkout, add to cart, page view, sign-up, lead). `consult_completed`
 * is canonical for "lead" but names a consultation, so it is left out; alias it instead.
 */
export const DEFAULT_ALLOWED_EVENTS = [
  'purchase_completed',
  'checkout_started',
  'begin_checkout',
  'add_to_cart',
  'page_view',
  'complete_registration',
  'signup',
  'lead',
] as const;

/** Record keys a health-mode destination may receive when it lists none: the value and its currency. */
export const DEFAULT_ALLOWED_PROPERTIES = ['value', 'currency'] as const;
