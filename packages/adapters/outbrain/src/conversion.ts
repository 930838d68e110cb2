import { type RelayEvent, recordText, withoutUndefined } from '@relay/core';

/**
 * The Outbrain click id of an event: the record's value under `key` (`ob_click_id` by default),
 * trimmed, case kept. Relay keeps unknown record keys in `properties`; a key Relay itself reads as
 * a click id is found in `clickIds`.
 */
export function clickIdOf(event: RelayEvent, key: string): string | undefined {
  return recordText(event, key);
}

/**
 * The query parameters of one conversion, in Outbrain's order: `ob_click_id`, `name` (the
 * conversion Name), `orderId`, and `orderValue` (a decimal number) with its `currency` (ISO 4217)
 * when the event has a value.
 */
export function conversionParams(event: RelayEvent, name: string, clickId: string): Record<string, string> {
  const value = event.value === undefined ? undefined : String(event.value);
  return withoutUndefined({
    ob_click_id: clickId,
    name,
    orderId: event.orderId,
    orderValue: value,
    currency: value === undefined ? undefined : event.currency,
  }) as Record<string, string>;
}

/** `key=value&…` with every key and value percent-encoded (spaces as `%20`, never `+`). */
export function queryString(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}
