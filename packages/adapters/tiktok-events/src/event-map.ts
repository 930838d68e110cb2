import type { EventMapping } from '@relay/core';

/** Custom event names: letters, digits and underscores, at most 50 characters. */
export function tiktokCustomEventName(eventName: string): string {
  return eventName.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 50);
}

/**
 * OMS canonical kinds → names on TikTok's list of supported standard events
 * (ads.tiktok.com/help/article/supported-standard-events, September 2025), the ones optimisation
 * works on. Leads go out as `SubmitForm`: the May 2025 rename to `Lead` is no longer on the
 * September 2025 list (and TikTok maps legacy names either way). Page views go out as
 * `ViewContent` ("when a visitor views a specific page"): `Pageview`/`PageView` is not on the list.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'Purchase',
    begin_checkout: 'InitiateCheckout',
    add_to_cart: 'AddToCart',
    lead: 'SubmitForm',
    sign_up: 'CompleteRegistration',
    page_view: 'ViewContent',
  },
  custom: 'pass-through',
  customName: tiktokCustomEventName,
};
