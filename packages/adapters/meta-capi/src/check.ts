import type { CheckContext, MappedEvent, Refusal } from '@relay/core';
import { userDataOf } from './build-requests';
import type { MetaCapiCredentials, MetaCapiOptions } from './schemas';

/**
 * Events Meta would refuse (and, since one invalid event refuses the whole request, refuse
 * with every other event of it), refused before sending with a reason an operator can act on:
 * - no customer-information parameter at all: "You must provide at least one of the following
 *   user_data parameters" (developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters);
 * - a Purchase without `value` or `currency`, both required for Purchase
 *   (…/conversions-api/parameters/custom-data).
 */
export function check(
  { event, name }: MappedEvent,
  ctx: CheckContext<MetaCapiCredentials, MetaCapiOptions>,
): Refusal | undefined {
  if (Object.keys(userDataOf(event, ctx.defaultCountry)).length === 0) {
    return {
      status: 'rejected',
      code: 'missing_customer_information',
      reason:
        'Meta needs at least one customer-information parameter to match an event (email, phone, name, city/state/zip/country, external id, IP address, user agent, fbc or fbp); this record carries none: send the customer email or the browser IP and user agent with it',
    };
  }
  // Core gives every event a currency (the record's, else the default), so the value decides.
  if (name === 'Purchase' && event.value === undefined) {
    return {
      status: 'rejected',
      code: 'missing_purchase_value',
      reason:
        'Meta requires value and currency on a Purchase; this one has no value: send the order total with it',
    };
  }
  return undefined;
}
