import type { EventMapping } from '@relay/core';

/**
 * OMS canonical kinds → AppsFlyer recommended (rich) in-app event names. AppsFlyer has no
 * recommended lead or page-view event: those and every other OMS event are sent as custom
 * in-app events under their OMS name (AppsFlyer takes any event name).
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'af_purchase',
    begin_checkout: 'af_initiated_checkout',
    add_to_cart: 'af_add_to_cart',
    sign_up: 'af_complete_registration',
  },
  custom: 'pass-through',
};
