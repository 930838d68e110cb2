import { describe, expect, it } from 'vitest';
import type { MappedEvent, Outcome } from './adapter';
import { oneRequestForSendable, oneRequestPerEvent } from './batch-request';
import { toRelayEvent } from './relay-event';

const mapped = (order: string, email?: string): MappedEvent => ({
  event: toRelayEvent({
    storefront_id: 'bosley',
    event_name: 'purchase_completed',
    event_time: '2026-01-15T10:00:00Z',
    order_id: order,
    ...(email && { email }),
  }),
  name: 'Purchase',
  custom: false,
});

const NO_EMAIL: Outcome = { status: 'rejected', code: 'missing_email', reason: 'needs an email' };

describe('oneRequestForSendable', () => {
  const build = (events: MappedEvent[]) =>
    oneRequestForSendable(
      events,
      (m, index) => ({ order: m.event.orderId, email: m.event.user.email, index }),
      (_m, item) => (item.email ? undefined : NO_EMAIL),
      (items) => ({
        method: 'POST',
        url: 'https://api.example.com/events',
        headers: {},
        body: { data: items },
      }),
    );

  it('sends the kept events in one request with their indexes, and refuses the others with their outcome', () => {
    expect(build([mapped('A', 'a@example.com'), mapped('B'), mapped('C', 'c@example.com')])).toEqual({
      requests: [
        {
          method: 'POST',
          url: 'https://api.example.com/events',
          headers: {},
          body: {
            data: [
              { order: 'A', email: 'a@example.com', index: 0 },
              { order: 'C', email: 'c@example.com', index: 2 },
            ],
          },
          eventIndexes: [0, 2],
        },
      ],
      outcomes: [{ index: 1, outcome: NO_EMAIL }],
    });
  });

  it('makes no request when every event is refused', () => {
    expect(build([mapped('B')])).toEqual({ requests: [], outcomes: [{ index: 0, outcome: NO_EMAIL }] });
  });
});

describe('oneRequestPerEvent', () => {
  it('one request per sent event with its index, the refused ones with their outcome', () => {
    const result = oneRequestPerEvent([mapped('A', 'a@example.com'), mapped('B')], (m) =>
      m.event.user.email
        ? { method: 'GET', url: `https://api.example.com/e?o=${m.event.orderId}`, headers: {} }
        : NO_EMAIL,
    );
    expect(result).toEqual({
      requests: [{ method: 'GET', url: 'https://api.example.com/e?o=A', headers: {}, eventIndexes: [0] }],
      outcomes: [{ index: 1, outcome: NO_EMAIL }],
    });
  });
});
