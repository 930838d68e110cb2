import type { EventMapping } from '@relay/core';

/** Names GA4 reserves for itself; a custom event must not use them (Measurement Protocol reference). */
const RESERVED_NAMES = new Set([
  'ad_activeview',
  'ad_click',
  'ad_exposure',
  'ad_query',
  'ad_reward',
  'adunit_exposure',
  'app_clear_data',
  'app_exception',
  'app_install',
  'app_remove',
  'app_store_refund',
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
  'user_engagement',
]);
const RESERVED_PREFIXES = ['_', 'firebase_', 'ga_', 'google_', 'gtag.'];

/**
 * A valid GA4 event name for an OMS name: letters, digits and underscores, starting with a
 * letter, at most 40 characters; reserved names and prefixes get an `oms_` prefix.
 */
export function ga4EventName(name: string): string {
  let out = name.trim().replace(/[^A-Za-z0-9_]+/g, '_');
  if (
    !/^[A-Za-z]/.test(out) ||
    RESERVED_NAMES.has(out.toLowerCase()) ||
    RESERVED_PREFIXES.some((p) => out.toLowerCase().startsWith(p))
  ) {
    out = `oms_${out}`;
  }
  return out.replace(/_+/g, '_').slice(0, 40);
}

/** OMS canonical kinds → GA4 recommended events (shared/events.md); others pass through as custom events. */
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
  customName: ga4EventName,
};
