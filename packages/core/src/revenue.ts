import type { EventMapping, MappedEvent } from './adapter';
import { type StandardEventKind, eventKind } from './events';

/**
 * The revenue rule every adapter follows (issue 9): a field a platform books as revenue
 * (Amplitude `revenue`, Adjust `revenue`, Singular `is_revenue_event`, AppsFlyer `af_revenue`…)
 * carries only purchases, and refunds as negative revenue where the platform takes them that
 * way. The value of any other event (a lead, a checkout) still goes where the platform takes a
 * value for optimisation (a Meta Lead's `value`, GA4 `begin_checkout` `value`), never into a
 * revenue field: it would count as revenue and double count against the purchase.
 */
export type EventValue =
  /** A purchase: book `amount` as revenue. */
  | { role: 'revenue'; amount: number; currency: string }
  /** A refund or cancellation: `amount` is the refunded amount (positive); book `-amount`. */
  | { role: 'refund'; amount: number; currency: string }
  /** Any other event with a value: a value for optimisation, not revenue. */
  | { role: 'value'; amount: number; currency: string };

/**
 * The kind an event is sent as: when its platform name is one of the platform's standard names
 * (the default map, or a credential override to a standard name), that kind; else the kind of its
 * OMS name (a custom rename keeps the OMS meaning). Without `mapping`, the OMS kind.
 */
export function sentEventKind(
  mapped: MappedEvent,
  mapping?: Pick<EventMapping, 'standard'>,
): StandardEventKind {
  const omsKind = eventKind(mapped.event.eventName);
  if (mapping === undefined || mapped.custom) return omsKind;
  const standard = mapping.standard as Partial<Record<StandardEventKind, string>>;
  if (standard[omsKind] === mapped.name) return omsKind;
  const kinds = Object.keys(standard) as StandardEventKind[];
  return kinds.find((kind) => standard[kind] === mapped.name) ?? omsKind;
}

/**
 * What the event's value is, per the revenue rule, or `undefined` when it has none. A refund's
 * amount is the absolute value, whichever sign the OMS sent.
 */
export function eventValueOf(
  mapped: MappedEvent,
  mapping?: Pick<EventMapping, 'standard'>,
): EventValue | undefined {
  const { value, currency } = mapped.event;
  if (value === undefined) return undefined;
  const kind = sentEventKind(mapped, mapping);
  if (kind === 'purchase') return { role: 'revenue', amount: value, currency };
  if (kind === 'refund') return { role: 'refund', amount: Math.abs(value), currency };
  return { role: 'value', amount: value, currency };
}

/**
 * The amount to put in a field the platform books as revenue: the purchase value, a refund as a
 * negative amount, `undefined` for every other event (and for events without a value).
 */
export function bookedRevenue(
  mapped: MappedEvent,
  mapping?: Pick<EventMapping, 'standard'>,
): number | undefined {
  const value = eventValueOf(mapped, mapping);
  if (value === undefined || value.role === 'value') return undefined;
  return value.role === 'refund' ? -value.amount : value.amount;
}

/** The value of a non-revenue event, for a platform's optimisation `value` field; `undefined` for purchases and refunds. */
export function optimisationValue(
  mapped: MappedEvent,
  mapping?: Pick<EventMapping, 'standard'>,
): number | undefined {
  const value = eventValueOf(mapped, mapping);
  return value?.role === 'value' ? value.amount : undefined;
}
