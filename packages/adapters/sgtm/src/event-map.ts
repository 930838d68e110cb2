import type { EventMapping } from '@relay/core';

/** GA4 names the platform reserves for itself; events sent under them are dropped. */
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
  'os_update',
  'session_start',
  'session_start_with_rollout',
  'user_engagement',
]);

/** Prefixes GA4 reserves for event and parameter names. */
const RESERVED_PREFIXES = ['_', 'firebase_', 'ga_', 'google_', 'gtag.'];

const MAX_NAME_LENGTH = 40;

/**
 * A valid GA4 event or parameter name for `name`: letters, digits and underscores, starting
 * with a letter, at most 40 characters, no reserved prefix or name (`rx-issued` → `rx_issued`,
 * `1st purchase` → `e_1st_purchase`, `session_start` → `custom_session_start`).
 */
export function ga4Name(name: string): string {
  let out = name.trim().replace(/[^A-Za-z0-9_]/g, '_');
  for (const prefix of RESERVED_PREFIXES) {
    if (out.toLowerCase().startsWith(prefix)) out = out.slice(prefix.length);
  }
  out = out.replace(/^_+/, '');
  if (!/^[A-Za-z]/.test(out)) out = `e_${out}`;
  if (RESERVED_EVENT_NAMES.has(out.toLowerCase())) out = `custom_${out}`;
  return out.slice(0, MAX_NAME_LENGTH).replace(/_+$/, '') || 'e';
}

/** True when `name` is already a valid GA4 parameter name (kept as is, never rewritten). */
export function isGa4ParamName(name: string): boolean {
  return ga4Name(name) === name;
}

/**
 * OMS canonical kinds → GA4 recommended event names (shared/events.md, GA4 / sGTM column).
 * Other OMS events are passed through as custom events under a valid GA4 name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'begin_checkout',
    add_to_cart: 'add_to_cart',
    lead: 'generate_lead',
    sign_up: 'sign_up',
    page_view: 'page_view',
  },
  custom: 'pass-through',
  customName: ga4Name,
};
