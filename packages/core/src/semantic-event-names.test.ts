import { describe, expect, it } from 'vitest';
import { resolveEventName } from './event-map';
import { SEMANTIC_EVENT_NAMES } from './semantic-event-names';

describe('SEMANTIC_EVENT_NAMES', () => {
  it('names every standard kind the Segment-spec way', () => {
    const mapping = { standard: SEMANTIC_EVENT_NAMES, custom: 'pass-through' as const };
    expect(
      ['purchase_completed', 'begin_checkout', 'add_to_cart', 'lead', 'signup', 'page_view', 'rx_issued'].map(
        (name) => resolveEventName(mapping, name),
      ),
    ).toEqual([
      { send: true, name: 'Order Completed', custom: false },
      { send: true, name: 'Checkout Started', custom: false },
      { send: true, name: 'Product Added', custom: false },
      { send: true, name: 'Lead Submitted', custom: false },
      { send: true, name: 'Signed Up', custom: false },
      { send: true, name: 'Page Viewed', custom: false },
      { send: true, name: 'rx_issued', custom: true },
    ]);
  });
});
