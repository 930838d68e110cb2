/**
 * GA4 Measurement Protocol building blocks shared by the adapters that speak it
 * (`@relay/adapter-ga4` to Google, `@relay/adapter-sgtm` to a server-side GTM container).
 */
import type { EventMapping } from './adapter';
import { eventKind } from './events';
import {
  hashIdentifier,
  hashName,
  hashPhoneE164,
  normalizeEmailForGoogle,
  normalizeZip,
  sha256Hex,
} from './identity';
import type { RelayEvent, UserIdentifiers } from './relay-event';

/** Event names GA4 reserves for itself (events sent under them are dropped). */
const RESERVED_EVENT_NAMES: ReadonlySet<string> = new Set([
  'ad_activeview',
  'ad_click',
  'ad_exposure',
  'ad_impression',
  'ad_query',
  'ad_reward',
  'adunit_exposure',
  'app_background',
  'app_clear_data',
  'app_exception',
  'app_install',
  'app_remove',
  'app_store_refund',
  'app_store_subscription_cancel',
  'app_store_subscription_convert',
  'app_store_subscription_renew',
  'app_update',
  'app_upgrade',
  'dynamic_link_app_open',
  'dynamic_link_app_update',
  'dynamic_link_first_open',
  'error',
  'first_open',
  'first_visit',
  'in_app_purchase',
  'notification_dismiss',
  'notification_foreground',
  'notification_open',
  'notification_receive',
  'notification_send',
  'os_update',
  'screen_view',
  'session_start',
  'session_start_with_rollout',
  'user_engagement',
]);

/** Prefixes GA4 reserves for event and parameter names. */
const RESERVED_PREFIXES = ['_', 'firebase_', 'ga_', 'google_', 'gtag.'];

/**
 * A valid GA4 event or parameter name: letters, digits and underscores, starting with a letter,
 * at most 40 characters; reserved prefixes are dropped and reserved names get a `custom_` prefix
 * (`rx-issued` → `rx_issued`, `1st purchase` → `e_1st_purchase`, `session_start` →
 * `custom_session_start`, `google_thing` → `thing`).
 */
export function ga4Name(name: string): string {
  let out = name.trim().replace(/[^A-Za-z0-9_]/g, '_');
  for (const prefix of RESERVED_PREFIXES) {
    if (out.toLowerCase().startsWith(prefix)) out = out.slice(prefix.length);
  }
  out = out.replace(/^_+/, '');
  if (!/^[A-Za-z]/.test(out)) out = `e_${out}`;
  if (RESERVED_EVENT_NAMES.has(out.toLowerCase())) out = `custom_${out}`;
  return out.slice(0, 40).replace(/_+$/, '') || 'e';
}

/** True when `name` already is a valid GA4 parameter name (kept as is, never rewritten). */
export function isGa4ParamName(name: string): boolean {
  return ga4Name(name) === name;
}

/** OMS canonical kinds → GA4 recommended events (events.md), `refund` included; other events pass through under a valid name. */
export const ga4EventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'begin_checkout',
    add_to_cart: 'add_to_cart',
    lead: 'generate_lead',
    sign_up: 'sign_up',
    page_view: 'page_view',
    refund: 'refund',
  },
  custom: 'pass-through',
  customName: ga4Name,
};

/**
 * The GA4 `value` of an event: its value, except that a `refund` (GA4's recommended event for
 * refunds and cancellations, keyed by `transaction_id`) carries the refunded amount as a positive
 * number, whichever sign the OMS sent; GA4 subtracts it from the purchase's revenue.
 */
export function ga4Value(event: RelayEvent): number | undefined {
  if (event.value === undefined) return undefined;
  return eventKind(event.eventName) === 'refund' ? Math.abs(event.value) : event.value;
}

/** A GA client id as gtag writes it in the `_ga` cookie: `<random>.<seconds>`. */
const GA_CLIENT_ID = /^\d{1,20}\.\d{1,20}$/;

/**
 * The GA4 `client_id` of an event, deterministic so a replay sends the same one:
 * 1. the browser's own client id when the record carries it (`ga_client_id` or `client_id`, in
 *    the `_ga` cookie's `123.456` form), which ties the event to the web session;
 * 2. else derived from the storefront and `session_id`, so the events of one session share one;
 * 3. else derived from the event's dedup key.
 * A derived id has gtag's shape (two unsigned 32-bit numbers from a SHA-256 digest) but matches
 * no browser, so GA4 counts a new client for it.
 */
export function ga4ClientId(event: RelayEvent): string {
  for (const key of ['ga_client_id', 'client_id']) {
    const value = event.properties[key];
    if (typeof value === 'string' && GA_CLIENT_ID.test(value.trim())) return value.trim();
  }
  const seed =
    event.sessionId !== undefined
      ? `session:${event.storefront}:${event.sessionId}`
      : `event:${event.dedupKey}`;
  const digest = sha256Hex(seed);
  return `${Number.parseInt(digest.slice(0, 8), 16)}.${Number.parseInt(digest.slice(8, 16), 16)}`;
}

/** GA4 `user_data.address[]` entry: names hashed, location fields normalised in clear. */
export interface Ga4Address {
  sha256_first_name?: string;
  sha256_last_name?: string;
  city?: string;
  region?: string;
  postal_code?: string;
  country?: string;
}

/** GA4 Measurement Protocol `user_data` (user-provided data). */
export interface Ga4UserData {
  sha256_email_address?: string[];
  sha256_phone_number?: string[];
  address?: Ga4Address[];
}

/** City and region for GA4: lower-case, digits and symbols removed, spaces kept single. */
function plainLocation(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const out = value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return out === '' ? undefined : out;
}

function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/**
 * `user_data` per GA4's user-provided data rules: email trimmed and lower-cased with the dots and
 * `+tag` of gmail/googlemail local parts removed, phone in E.164 with `+`, names lower-cased
 * without punctuation, each SHA-256 hex (already-hashed values pass unchanged); city and region
 * lower-case letters, postal code, country as upper-case alpha-2 in clear. `undefined` when none.
 */
export function ga4UserData(user: UserIdentifiers, defaultCountry: string): Ga4UserData | undefined {
  const email = hashIdentifier(user.email, normalizeEmailForGoogle);
  const phone = hashPhoneE164(user.phone, defaultCountry);
  const country = user.country?.trim().toUpperCase();
  const address = compact<Ga4Address>({
    sha256_first_name: hashName(user.firstName),
    sha256_last_name: hashName(user.lastName),
    city: plainLocation(user.city),
    region: plainLocation(user.state),
    postal_code: normalizeZip(user.zip, user.country),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
  });
  return compact<Ga4UserData>({
    sha256_email_address: email ? [email] : undefined,
    sha256_phone_number: phone ? [phone] : undefined,
    address: address ? [address] : undefined,
  });
}
