import { type MappedEvent, hashEmail, withoutUndefined } from '@relay/core';
import { XDM_EVENT_TYPES } from './event-map';
import type { AdobeAnalyticsOptions } from './schemas';

/** The event's `identityMap`: the external id (primary, authenticated) and the hashed email. */
export function identityMapOf(mapped: MappedEvent, idNamespace: string): Record<string, unknown> | undefined {
  const { user } = mapped.event;
  const map: Record<string, unknown> = {};
  if (user.externalId)
    map[idNamespace] = [{ id: user.externalId, authenticatedState: 'authenticated', primary: true }];
  const email = hashEmail(user.email);
  if (email)
    map['Email_LC_SHA256'] = [{ id: email, authenticatedState: 'authenticated', primary: !user.externalId }];
  return Object.keys(map).length > 0 ? map : undefined;
}

/** The XDM `commerce` object that sets Analytics `purchase`, `scCheckout` or `scAdd`. */
function commerceOf(mapped: MappedEvent): Record<string, unknown> | undefined {
  const { event } = mapped;
  switch (mapped.name) {
    case XDM_EVENT_TYPES.purchase:
      return {
        order: withoutUndefined({
          purchaseID: event.orderId,
          priceTotal: event.value,
          currencyCode: event.currency,
        }),
        purchases: { value: 1 },
      };
    case XDM_EVENT_TYPES.checkout:
      return { checkouts: { value: 1 } };
    case XDM_EVENT_TYPES.cartAdd:
      return { productListAdds: { value: 1 } };
  }
  return undefined;
}

/** `web`: page details for page views, a link hit (`webInteraction`) for every other event. */
function webOf(mapped: MappedEvent): Record<string, unknown> {
  const { event } = mapped;
  if (mapped.name === XDM_EVENT_TYPES.pageView) {
    return withoutUndefined({
      webPageDetails: withoutUndefined({ URL: event.pageUrl, pageViews: { value: 1 } }),
      webReferrer: event.referrer ? { URL: event.referrer } : undefined,
    });
  }
  return withoutUndefined({
    webPageDetails: event.pageUrl ? { URL: event.pageUrl } : undefined,
    webReferrer: event.referrer ? { URL: event.referrer } : undefined,
    webInteraction: { name: mapped.name, type: 'other', linkClicks: { value: 1 } },
  });
}

/** The event's XDM (`SingleEvent.xdm` / `BatchV2Event.xdm`). */
export function xdmOf(
  mapped: MappedEvent,
  identityMap: Record<string, unknown>,
  options: AdobeAnalyticsOptions,
): Record<string, unknown> {
  const { event } = mapped;
  const analyticsEvent = options.analytics_events[mapped.name];
  return withoutUndefined({
    _id: event.dedupKey,
    eventType: mapped.name,
    timestamp: event.occurredAt.toISOString(),
    identityMap,
    commerce: commerceOf(mapped),
    productListItems:
      event.items.length > 0
        ? event.items.map((i) =>
            withoutUndefined({
              SKU: i.id,
              name: i.name,
              quantity: i.quantity,
              priceTotal:
                i.price !== undefined ? Math.round(i.price * (i.quantity ?? 1) * 100) / 100 : undefined,
              currencyCode: event.currency,
            }),
          )
        : undefined,
    web: webOf(mapped),
    marketing: event.utm.campaign ? { trackingCode: event.utm.campaign } : undefined,
    environment: event.user.ip ? { ipV4: event.user.ip } : undefined,
    _experience: analyticsEvent
      ? { analytics: { event1to100: { [analyticsEvent]: { value: 1 } } } }
      : undefined,
  });
}

/** Free-form `data` (string arrays only): Relay context the datastream can map to eVars. */
export function dataOf(mapped: MappedEvent): Record<string, string[]> {
  const { event } = mapped;
  const entries: Array<[string, string | undefined]> = [
    ['oms_event_name', event.eventName],
    ['storefront', event.storefront],
    ['order_id', event.orderId],
    ['session_id', event.sessionId],
    ['affiliate', event.affiliate],
  ];
  return Object.fromEntries(
    entries.filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => [k, [v]]),
  );
}
