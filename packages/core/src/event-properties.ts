import type { EventItem, RelayEvent } from './relay-event';
import { withoutUndefined } from './without-undefined';

/** The OMS context analytics and CRM platforms take as flat event properties. */
export interface ContextProperties {
  oms_event_name: string;
  storefront: string;
  session_id?: string;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_term?: string;
  utm_content?: string;
  affiliate?: string;
}

/** `oms_event_name`, `storefront`, `session_id`, `utm_*` and `affiliate` of an event; absent ones left out. */
export function contextProperties(event: RelayEvent): ContextProperties {
  return withoutUndefined({
    oms_event_name: event.eventName,
    storefront: event.storefront,
    session_id: event.sessionId,
    utm_source: event.utm.source,
    utm_medium: event.utm.medium,
    utm_campaign: event.utm.campaign,
    utm_term: event.utm.term,
    utm_content: event.utm.content,
    affiliate: event.affiliate,
  }) as ContextProperties;
}

/**
 * The event's items as a product list `{[idKey], name, price, quantity, category}` (absent
 * fields left out), or `undefined` when the event has no items. `idKey` is the platform's name
 * for the product id (`product_id`, `productId`…).
 */
export function productList(
  items: EventItem[],
  idKey = 'product_id',
): Array<Record<string, string | number>> | undefined {
  if (items.length === 0) return undefined;
  return items.map(
    (item) =>
      withoutUndefined({
        [idKey]: item.id,
        name: item.name,
        price: item.price,
        quantity: item.quantity,
        category: item.category,
      }) as Record<string, string | number>,
  );
}
