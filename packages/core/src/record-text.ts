import { CLICK_ID_KEYS, type ClickIdKey, type RelayEvent } from './relay-event';

const isClickIdKey = (key: string): key is ClickIdKey => (CLICK_ID_KEYS as readonly string[]).includes(key);

/** A trimmed, non-empty string (finite numbers as their decimal text), else `undefined`. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The value the OMS record had under `key`, as text (case kept). Relay models the click ids it
 * knows (`CLICK_ID_KEYS`, found in `event.clickIds`) and keeps every other record key in
 * `event.properties`: this reads either, so an adapter can take a platform click id or device id
 * from whatever key an operator configures.
 */
export function recordText(event: RelayEvent, key: string): string | undefined {
  return textOf(isClickIdKey(key) ? event.clickIds[key] : event.properties[key]);
}

/** The first of `keys` whose record value is text (see `recordText`), with the key it came from. */
export function firstRecordText(
  event: RelayEvent,
  keys: ReadonlyArray<string>,
): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = recordText(event, key);
    if (value !== undefined) return { key, value };
  }
  return undefined;
}

/** The record's value under `key` as a finite number (a number, or numeric text), else `undefined`. */
export function recordNumber(event: RelayEvent, key: string): number | undefined {
  const text = recordText(event, key);
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
