import type { EventMapping } from './adapter';

/**
 * Readable event names in the style of Segment's e-commerce spec (`Order Completed`,
 * `Checkout Started`, `Product Added`, `Signed Up`, `Page Viewed`), which analytics tools
 * (Mixpanel, Amplitude, Segment, Heap…) recognise; lead has no spec'd name and is
 * `Lead Submitted`.
 */
export const SEMANTIC_EVENT_NAMES: Readonly<EventMapping['standard']> = Object.freeze({
  purchase: 'Order Completed',
  begin_checkout: 'Checkout Started',
  add_to_cart: 'Product Added',
  lead: 'Lead Submitted',
  sign_up: 'Signed Up',
  page_view: 'Page Viewed',
});

/**
 * The Segment e-commerce spec's refund event, for the analytics tools that take a refund as an
 * event with negative revenue (Amplitude, Mixpanel). Not part of `SEMANTIC_EVENT_NAMES`, so an
 * adapter that uses those names still skips refunds unless it adds this one.
 */
export const SEMANTIC_REFUND_EVENT_NAME = 'Order Refunded';
