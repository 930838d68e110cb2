import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → The Trade Desk's standard event names, as TTD's own Conversion Events tag
 * translates GA4 events (`begin_checkout` → `startcheckout`, `generate_lead` → `messagebusiness`,
 * `page_view` → `sitevisit`). TTD has no sign-up event, and other names must first be set up by
 * The Trade Desk for the account, so everything else is skipped unless the credential maps it.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'startcheckout',
    add_to_cart: 'addtocart',
    lead: 'messagebusiness',
    page_view: 'sitevisit',
  },
  custom: 'skip',
  customSkipReason:
    'The Trade Desk takes its standard event names (purchase, startcheckout, addtocart, messagebusiness, sitevisit, viewitem, viewcart, wishlistitem, searchitem, login) and names your TTD representative sets up; map this event to one with options.eventMap to send it',
};
