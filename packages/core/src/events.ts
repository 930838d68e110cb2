/**
 * Canonical event names: the OMS's own snake_case names. Anything else
 * the OMS sends is a custom event.
 */
export const CANONICAL_EVENTS = [
  'purchase_completed',
  'checkout_started',
  'begin_checkout',
  'add_to_cart',
  'lead',
  'consult_completed',
  'complete_registration',
  'signup',
  'page_view',
  'consult_started',
  'rx_issued',
  'refund',
  'order_refunded',
  'order_cancelled',
] as const;

export type CanonicalEventName = (typeof CANONICAL_EVENTS)[number];

/**
 * The standard meaning of each canonical name. Adapters map *kinds* to their platform's
 * standard event names, so an alias (`signup`, `complete_registration`) maps once.
 * `custom` kinds have no standard meaning and go out as custom events where allowed.
 * `refund` (a refund or a cancelled order) is never sent as a custom event: a platform that
 * declares no refund mapping skips it (see `resolveEventName`).
 */
export type StandardEventKind =
  | 'purchase'
  | 'begin_checkout'
  | 'add_to_cart'
  | 'lead'
  | 'sign_up'
  | 'page_view'
  | 'refund'
  | 'custom';

export const EVENT_KIND: Readonly<Record<CanonicalEventName, StandardEventKind>> = {
  purchase_completed: 'purchase',
  checkout_started: 'begin_checkout',
  begin_checkout: 'begin_checkout',
  add_to_cart: 'add_to_cart',
  lead: 'lead',
  consult_completed: 'lead',
  complete_registration: 'sign_up',
  signup: 'sign_up',
  page_view: 'page_view',
  consult_started: 'custom',
  rx_issued: 'custom',
  refund: 'refund',
  order_refunded: 'refund',
  order_cancelled: 'refund',
};

export function eventKind(name: string): StandardEventKind {
  return (EVENT_KIND as Record<string, StandardEventKind | undefined>)[name] ?? 'custom';
}
