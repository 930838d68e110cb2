import {
  type RelayEvent,
  isSha256Hex,
  normalizeCountry,
  normalizeEmail,
  normalizePhoneE164,
  recordText,
  textOf,
  withoutUndefined,
} from '@relay/core';
import type { QuoraPixelOptions } from './schemas';

/** Quora's click id (`qclid` landing-page parameter); the OMS sends it as an extra record key. */
export function qclidOf(event: RelayEvent): string | undefined {
  return recordText(event, 'qclid');
}

/** Why the event's value is left out, or `undefined` when it is sent. */
export function droppedValueReason(event: RelayEvent, options: QuoraPixelOptions): string | undefined {
  if (event.value === undefined || !options.account_currency || options.account_currency === event.currency) {
    return undefined;
  }
  return `value ${event.value} ${event.currency} left out: Quora reads values in the account currency (${options.account_currency})`;
}

/**
 * Quora `user`, in **plaintext** as Quora's Conversion API takes it (no hashing): email trimmed
 * and lower-cased, phone in E.164, full name, IP, country (ISO alpha-2, upper case), region,
 * city, postal code. Already-hashed email or phone values cannot be sent as plaintext and are
 * left out.
 */
function userOf(event: RelayEvent, defaultCountry: string): Record<string, string> {
  const { user } = event;
  const plain = (value: string | undefined) =>
    value !== undefined && isSha256Hex(value.trim()) ? undefined : value;
  const country = normalizeCountry(user.country);
  const name = [textOf(user.firstName), textOf(user.lastName)].filter(Boolean).join(' ');
  return withoutUndefined({
    email: normalizeEmail(plain(user.email)),
    name: name === '' ? undefined : name,
    phone_number: normalizePhoneE164(plain(user.phone), country ?? defaultCountry),
    ip: textOf(user.ip),
    country: country?.toUpperCase(),
    region: textOf(user.state),
    city: textOf(user.city),
    postal_code: textOf(user.zip),
  }) as Record<string, string>;
}

/** Quora `device`: the user agent and the referring URL. */
function deviceOf(event: RelayEvent): Record<string, string> {
  return withoutUndefined({
    user_agent: textOf(event.user.userAgent),
    referer: textOf(event.referrer),
  }) as Record<string, string>;
}

/**
 * One item of the batch's `data`: `{user?, device?, conversion}`. `conversion.timestamp` is the
 * event's own time in epoch **microseconds**, `event_id` Relay's dedup key (shared with the
 * pixel), `value` a number in the account currency. Empty `user`/`device` objects are left out.
 */
export function conversionItemOf(
  event: RelayEvent,
  eventName: string,
  options: QuoraPixelOptions,
  defaultCountry: string,
): Record<string, unknown> {
  const user = userOf(event, defaultCountry);
  const device = deviceOf(event);
  return withoutUndefined({
    user: Object.keys(user).length > 0 ? user : undefined,
    device: Object.keys(device).length > 0 ? device : undefined,
    conversion: withoutUndefined({
      event_name: eventName,
      timestamp: event.occurredAt.getTime() * 1000,
      click_id: qclidOf(event),
      value: droppedValueReason(event, options) === undefined ? event.value : undefined,
      event_id: event.dedupKey,
    }),
  });
}
