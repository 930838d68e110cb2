import type { EventMapping } from '@relay/core';

/** Custom event names: letters, digits and underscores, at most 50 characters. */
export function tiktokCustomEventName(eventName: string): string {
  return eventName.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 50);
}

/**
 * OMS canonical kinds → TikTok standard events. TikTok renamed `CompletePayment` to `Purchase`
 * and `SubmitForm` to `Lead` in May 2025 (the legacy names are still converted on TikTok's side);
 * new setups use the new names. Page views go out as `Pageview` (shared/events.md).
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'Purchase',
    begin_checkout: 'InitiateCheckout',
    add_to_cart: 'AddToCart',
    lead: 'Lead',
    sign_up: 'CompleteRegistration',
    page_view: 'Pageview',
  },
  custom: 'pass-through',
  customName: tiktokCustomEventName,
};
