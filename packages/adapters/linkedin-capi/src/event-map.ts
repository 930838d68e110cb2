import type { EventMapping } from '@relay/core';

/**
 * LinkedIn events reference a conversion rule whose type (PURCHASE, LEAD, SIGN_UP, START_CHECKOUT,
 * ADD_TO_CART, KEY_PAGE_VIEW) is set in Campaign Manager: each kind maps to itself and
 * build-requests looks up the rule in `credentials.conversion_rule_ids`.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'begin_checkout',
    add_to_cart: 'add_to_cart',
    lead: 'lead',
    sign_up: 'sign_up',
    page_view: 'page_view',
  },
  custom: 'skip',
  customSkipReason:
    'LinkedIn conversions reference a conversion rule; map this OMS event to a kind with options.eventMap (e.g. "lead") and give the rule id in credentials.conversion_rule_ids',
};
