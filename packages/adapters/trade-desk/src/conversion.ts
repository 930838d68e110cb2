import { type RelayEvent, withoutUndefined } from '@relay/core';
import { advertisingIdOf } from './identity';
import type { TradeDeskCredentials, TradeDeskOptions } from './schemas';

/** The event's items as TTD `items`: `item_code`, `name`, `qty`, `price`, `cat` (absent fields left out). */
function itemsOf(event: RelayEvent): Array<Record<string, string | number>> | undefined {
  if (event.items.length === 0) return undefined;
  return event.items.map(
    (item) =>
      withoutUndefined({
        item_code: item.id,
        name: item.name,
        qty: item.quantity,
        price: item.price,
        cat: item.category,
      }) as Record<string, string | number>,
  );
}

/**
 * One item of the body's `data`: `tracker_id` and `adv` from the credential, `event_name`,
 * `value` as a decimal string with its `currency`, `order_id`, `items`, the advertising id
 * (`adid` + `adid_type`), `client_ip`, `referrer_url` (the page the event happened on) and, with
 * `options.ldu_region`, `data_processing_option`.
 */
export function conversionOf(
  event: RelayEvent,
  name: string,
  credentials: TradeDeskCredentials,
  options: TradeDeskOptions,
): Record<string, unknown> {
  const value = event.value === undefined ? undefined : String(event.value);
  return withoutUndefined({
    tracker_id: credentials.tracker_id,
    adv: credentials.advertiser_id,
    event_name: name,
    value,
    currency: value === undefined ? undefined : event.currency,
    order_id: event.orderId,
    items: itemsOf(event),
    ...advertisingIdOf(event),
    client_ip: event.user.ip?.trim() || undefined,
    referrer_url: event.pageUrl,
    data_processing_option: options.ldu_region
      ? { policies: ['LDU'], region: options.ldu_region }
      : undefined,
  });
}

/** Why the event cannot be attributed (and is skipped), or `undefined` when it can be sent. */
export function unattributableReason(event: RelayEvent): string | undefined {
  if (event.consent.adUserData === 'denied') {
    return 'ad_user_data consent is denied: The Trade Desk attributes conversions only through the user’s advertising id or IP address, which may not be shared';
  }
  if (advertisingIdOf(event) === undefined && !event.user.ip?.trim()) {
    return 'no The Trade Desk identifier (record key tdid, uid2_token, euid_token, ramp_id, idfa or aaid) and no IP address: The Trade Desk cannot attribute this event, so it is not sent';
  }
  return undefined;
}
