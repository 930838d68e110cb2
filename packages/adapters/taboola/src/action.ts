import { type RelayEvent, recordText, withoutUndefined } from '@relay/core';

/** Currencies Taboola accepts for `currency` (its postback documentation's list). */
export const TABOOLA_CURRENCIES: ReadonlySet<string> = new Set([
  'AUD',
  'BRL',
  'CAD',
  'CNY',
  'EUR',
  'GBP',
  'HKD',
  'ILS',
  'INR',
  'JPY',
  'KRW',
  'MXN',
  'NZD',
  'RUB',
  'SGD',
  'THB',
  'TRY',
  'USD',
  'ZAR',
]);

/**
 * The Taboola click id of an event: the record's value under `key` (`tblci` by default), trimmed,
 * case kept (Taboola's click ids are case-sensitive). Relay keeps unknown record keys in
 * `properties`; a key Relay itself reads as a click id is found in `clickIds`.
 */
export function clickIdOf(event: RelayEvent, key: string): string | undefined {
  return recordText(event, key);
}

/** Why the event's revenue is left out, or `undefined` when it is sent. */
export function droppedRevenueReason(event: RelayEvent): string | undefined {
  if (event.value === undefined || TABOOLA_CURRENCIES.has(event.currency)) return undefined;
  return `revenue ${event.value} ${event.currency} left out: Taboola does not take ${event.currency} (it would read the value in the account currency)`;
}

/** Items in the order: the sum of the items' quantities (an item without one counts once). */
function quantityOf(event: RelayEvent): number | undefined {
  if (event.items.length === 0) return undefined;
  return event.items.reduce((sum, item) => sum + Math.max(0, Math.round(item.quantity ?? 1)), 0);
}

/**
 * One item of the bulk body's `actions`: `click-id`, `timestamp` (the event's own time in epoch
 * **milliseconds**), `name` (the Taboola Event Name), `revenue` (a number) with its `currency`
 * (ISO 4217, only currencies Taboola lists), `orderid` and `quantity`.
 */
export function actionOf(event: RelayEvent, name: string, clickId: string): Record<string, unknown> {
  const revenue = droppedRevenueReason(event) === undefined ? event.value : undefined;
  return withoutUndefined({
    'click-id': clickId,
    timestamp: event.occurredAt.getTime(),
    name,
    revenue,
    currency: revenue === undefined ? undefined : event.currency,
    orderid: event.orderId,
    quantity: quantityOf(event),
  });
}
