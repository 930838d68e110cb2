import type { EventMapping } from '@relay/core';

/** XDM `eventType` values that Adobe Analytics turns into its commerce events and page views. */
export const XDM_EVENT_TYPES = {
  purchase: 'commerce.purchases',
  checkout: 'commerce.checkouts',
  cartAdd: 'commerce.productListAdds',
  pageView: 'web.webpagedetails.pageViews',
  formFilledOut: 'web.formFilledOut',
  createProfile: 'userAccount.createProfile',
} as const;

/**
 * OMS canonical kinds → XDM `eventType`. Purchase, checkout and cart add become Analytics
 * `purchase`, `scCheckout` and `scAdd`; page view a page hit; lead and sign-up XDM form and
 * profile events (counted in Analytics through `options.analytics_events`). Other OMS events keep
 * their name as `eventType` and go out as link hits.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: XDM_EVENT_TYPES.purchase,
    begin_checkout: XDM_EVENT_TYPES.checkout,
    add_to_cart: XDM_EVENT_TYPES.cartAdd,
    lead: XDM_EVENT_TYPES.formFilledOut,
    sign_up: XDM_EVENT_TYPES.createProfile,
    page_view: XDM_EVENT_TYPES.pageView,
  },
  custom: 'pass-through',
};
