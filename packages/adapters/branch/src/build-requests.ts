import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  type MappedEvent,
  type Refusal,
  type RelayEvent,
  contextProperties,
  eventValueOf,
  withoutUndefined,
} from '@relay/core';
import { BRANCH_COMMERCE_EVENTS, BRANCH_STANDARD_EVENTS, eventMapping } from './event-map';
import type { BranchCredentials, BranchOptions } from './schemas';
import { hasDeviceId, userDataOf } from './user-data';

type Ctx = BuildContext<BranchCredentials, BranchOptions>;

/** The event's items as Branch `content_items` (`$sku`, `$product_name`, `$price`, `$quantity`, `$product_category`). */
function contentItemsOf(event: RelayEvent): Array<Record<string, string | number>> | undefined {
  if (event.items.length === 0) return undefined;
  return event.items.map(
    (item) =>
      withoutUndefined({
        $sku: item.id,
        $product_name: item.name,
        $price: item.price,
        $quantity: item.quantity,
        $product_category: item.category,
      }) as Record<string, string | number>,
  );
}

/**
 * The body of one event. Commerce events carry `transaction_id` (the order id) in `event_data`, and a
 * purchase its `revenue` (a number) and `currency`: by core's revenue rule the value of any other
 * event (a cart, a checkout) is not revenue, so it goes to `custom_data` as text, beside the OMS
 * context (`custom_data` is a string map); non-commerce events carry the order id there too.
 */
export function eventBodyOf(mapped: MappedEvent, ctx: Ctx): Record<string, unknown> {
  const { event, name } = mapped;
  const commerce = BRANCH_COMMERCE_EVENTS.has(name);
  const value = eventValueOf(mapped, eventMapping);
  const revenue = commerce && value?.role === 'revenue' ? value : undefined;
  const otherValue = revenue === undefined ? value : undefined;
  return withoutUndefined({
    branch_key: ctx.credentials.branch_key,
    name,
    user_data: userDataOf(event, ctx.options),
    event_data: commerce
      ? withoutUndefined({
          transaction_id: event.orderId,
          revenue: revenue?.amount,
          currency: revenue?.currency,
        })
      : undefined,
    custom_data: withoutUndefined({
      ...contextProperties(event),
      order_id: commerce ? undefined : event.orderId,
      value: otherValue === undefined ? undefined : String(otherValue.amount),
      currency: otherValue?.currency,
    }),
    content_items: contentItemsOf(event),
  });
}

/**
 * Why Branch would not take the event, or `undefined` when it can be sent: no device id
 * (skipped), or the DMA consent Branch requires under `dma_eea` missing (rejected).
 */
export function check(
  { event }: MappedEvent,
  { options }: CheckContext<BranchCredentials, BranchOptions>,
): Refusal | undefined {
  if (!hasDeviceId(event)) {
    return {
      status: 'skipped',
      reason:
        'no device id (record key idfa, idfv, aaid or android_id): Branch attributes app events to a device, so this event is not sent',
    };
  }
  if (
    options.dma_eea &&
    (event.consent.adUserData === undefined || event.consent.adPersonalization === undefined)
  ) {
    return {
      status: 'rejected',
      code: 'missing_consent',
      reason:
        'options.dma_eea is true, and Branch then requires dma_ad_user_data and dma_ad_personalization: the record has no consent_ad_user_data or consent_ad_personalization',
    };
  }
  return undefined;
}

/**
 * Pure: one `POST /v2/event/standard` (Branch standard names) or `/v2/event/custom` (any other
 * name) per event (core sends one event per request); every event passed `check`.
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  return events.map((mapped, index) => ({
    method: 'POST',
    url: `${ctx.baseUrl}/v2/event/${BRANCH_STANDARD_EVENTS.has(mapped.name) ? 'standard' : 'custom'}`,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: eventBodyOf(mapped, ctx),
    eventIndexes: [index],
  }));
}
