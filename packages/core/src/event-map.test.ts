import { describe, expect, it } from 'vitest';
import { resolveEventName } from './event-map';
import { eventKind } from './events';

describe('refunds and cancellations', () => {
  const mapping = { standard: { purchase: 'Purchase' }, custom: 'pass-through' as const };

  it('are one canonical kind', () => {
    expect(['refund', 'order_refunded', 'order_cancelled'].map(eventKind)).toEqual([
      'refund',
      'refund',
      'refund',
    ]);
  });

  it('are skipped with a reason naming the platform when the adapter declares no refund mapping, not sent as custom events', () => {
    expect(resolveEventName(mapping, 'order_cancelled', {}, 'Acme')).toEqual({
      send: false,
      reason:
        "Acme has no way to take a refund or cancellation ('order_cancelled'): it is not sent, so it is never counted as a conversion",
    });
  });

  it('go out under the platform refund event when the adapter declares one, or as a credential maps them', () => {
    expect(resolveEventName({ ...mapping, standard: { refund: 'Refund' } }, 'order_refunded')).toEqual({
      send: true,
      name: 'Refund',
      custom: false,
    });
    expect(resolveEventName(mapping, 'refund', { refund: 'my_refund' })).toEqual({
      send: true,
      name: 'my_refund',
      custom: true,
    });
  });
});
