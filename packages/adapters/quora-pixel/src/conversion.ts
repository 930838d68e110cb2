import {
  type RelayEvent,
  isSha256Hex,
  normalizeCountry,
  normalizeEmail,
  normalizePhoneE164,
  withoutUndefined,
} from '@relay/core';
import type { QuoraPixelOptions } from './schemas';

/** A trimmed string, or `undefined` when empty or not text. */
const text = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** Quora's click id (`qclid` landing-page parameter); the OMS sends it as an extra record key. */
export function qclidOf(event: RelayEvent): string | undefined {
  return text(event.properties['qclid']);
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
  const name = [text(user.firstName), text(user.lastName)].filter(Boolean).join(' ');
  return withoutUndefined({
    email: normalizeEmail(plain(user.email)),
    name: name === '' ? undefined : name,
    phone_number: normalizePhoneE164(plain(user.phone), country ?? defaultCountry),
    ip: text(user.ip),
    country: country?.toUpperCase(),
    region: text(user.state),
    city: text(user.city),
    postal_code: text(user.zip),
  }) as Record<string, string>;
}

/** Quora `device`: the user agent and the referring URL. */
function deviceOf(event: RelayEvent): Record<string, string> {
  return withoutUndefined({
    user_agent: text(event.user.userAgent),
    referer: text(event.referrer),
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
