import type { CheckContext, MappedEvent, Refusal } from '@relay/core';
import { contactKeyOf } from './build-requests';
import type { SalesforceCredentials, SalesforceOptions } from './schemas';

/** A journey needs a ContactKey: an event without one (option `contact_key`) is refused before sending. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<SalesforceCredentials, SalesforceOptions>,
): Refusal | undefined {
  if (ctx.options.target === 'data_extension' || contactKeyOf(mapped.event, ctx.options.contact_key))
    return undefined;
  return {
    status: 'rejected',
    code: 'missing_contact_key',
    reason: `Salesforce Marketing Cloud needs a ContactKey to enter a journey; the event has no ${
      ctx.options.contact_key === 'email' ? 'email' : 'external id'
    } (option contact_key)`,
  };
}
