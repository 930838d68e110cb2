import {
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  ga4BodyEventOwners,
  outcomeFromStatus,
  sameOutcome,
} from '@relay/core';
import { type ValidationMessage, eventIndexOf, outcomeForValidation } from './error-map';

export const VALIDATED_WARNING = 'validated by GA4 /debug/mp/collect; not recorded (validation mode)';

/**
 * One outcome per event of the request, in order. `/mp/collect` answers 2xx even to invalid
 * events, so a 2xx is `delivered`; in validation mode the debug endpoint's `validationMessages`
 * reject the events they name (or all of them when they name none).
 */
export function parseResponse(
  response: HttpResponse,
  events: MappedEvent[],
  validate: boolean,
  now: Date,
): Outcome[] {
  const ok = response.status >= 200 && response.status < 300;
  if (!ok) return sameOutcome(outcomeFromStatus(response, 'GA4', now), events.length);
  if (!validate) return sameOutcome({ status: 'delivered' }, events.length);
  const json = response.json as { validationMessages?: ValidationMessage[] } | undefined;
  const messages = Array.isArray(json?.validationMessages) ? json.validationMessages : [];
  const validated: Outcome = { status: 'delivered', warnings: [VALIDATED_WARNING] };
  if (messages.length === 0) return sameOutcome(validated, events.length);
  // Message indexes count the body's events, campaign_details entries included.
  const owners = ga4BodyEventOwners(events.map((mapped) => mapped.event));
  const perEvent = new Map<number, ValidationMessage[]>();
  const general: ValidationMessage[] = [];
  for (const message of messages) {
    const bodyIndex = eventIndexOf(message);
    const index = bodyIndex === undefined ? undefined : owners[bodyIndex];
    if (index === undefined) general.push(message);
    else perEvent.set(index, [...(perEvent.get(index) ?? []), message]);
  }
  return events.map((_, i) => {
    const mine = [...general, ...(perEvent.get(i) ?? [])];
    return mine.length > 0 ? outcomeForValidation(mine) : validated;
  });
}
