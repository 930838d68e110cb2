import type { EventMapping } from '@relay/core';

/**
 * Google Ads has no event names: every conversion action is its own "event". The names
 * below only key `options.conversionActions`; purchases go to the credential's
 * `conversion_action_id`, other events need a conversion action of their own or are skipped.
 * Refunds and cancellations adjust the purchase they refer to (same conversion action, keyed by
 * order id) through the Ads API's conversion adjustments.
 */
export const eventMapping: EventMapping = {
  standard: {
    purchase: 'purchase',
    begin_checkout: 'begin_checkout',
    add_to_cart: 'add_to_cart',
    lead: 'lead',
    sign_up: 'sign_up',
    page_view: 'page_view',
    refund: 'refund',
  },
  custom: 'pass-through',
};

/** The conversion action an event goes to, or `undefined` when none is configured. */
export function conversionActionFor(
  eventName: string,
  mappedName: string,
  defaultActionId: string,
  actions: Readonly<Record<string, string>> = {},
): string | undefined {
  if (Object.hasOwn(actions, eventName)) return actions[eventName];
  if (Object.hasOwn(actions, mappedName)) return actions[mappedName];
  return mappedName === 'purchase' || mappedName === 'refund' ? defaultActionId : undefined;
}
