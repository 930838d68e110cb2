import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → Outbrain conversion names. Outbrain has no standard event names: each
 * Event-Based Conversion is created in the Outbrain dashboard with a Name of the advertiser's
 * choice, and an S2S call counts only when its `name` matches one exactly (case-sensitive). These
 * defaults are the plain names a conversion is usually given; a credential maps each OMS event to
 * its own conversion Name with `options.eventMap`. Other OMS events go out under their own name.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'Purchase',
    begin_checkout: 'Checkout',
    add_to_cart: 'Add To Cart',
    lead: 'Lead',
    sign_up: 'Registration',
  },
  custom: 'pass-through',
};
