import { describe, expect, it } from 'vitest';
import { NOW, purchase, toyAdapter } from '../__fixtures__/toy/toy-adapter';
import { toRelayEvent } from '../relay-event';
import { mapEventName } from './map';
import { settle, startRun } from './run';

const run = (options: unknown = {}) =>
  startRun(toyAdapter(), [], { credentials: { api_key: 'k' }, options, now: () => NOW });

describe('stage "map"', () => {
  it('names an event with the platform name and reports it', () => {
    const r = run();
    r.results.push({
      event: purchase(1),
      outcome: { status: 'skipped', reason: 'not processed' },
      attempts: 0,
    });
    const mapped = mapEventName(r, { index: 0, event: purchase(1) });
    expect(mapped).toMatchObject({ index: 0, mapped: { name: 'Purchase', custom: false } });
    expect(r.results[0]!.platformEventName).toBe('Purchase');
  });

  it('skips an event the platform does not take, with the adapter reason, and settle() records it', () => {
    const r = run();
    const custom = toRelayEvent({
      storefront_id: 'bosley',
      event_name: 'rx_issued',
      event_time: '2026-01-15T10:00:00Z',
      order_id: 'ORD-9',
    });
    r.results.push({ event: custom, outcome: { status: 'skipped', reason: 'not processed' }, attempts: 0 });
    const kept = settle(r, [mapEventName(r, { index: 0, event: custom })]);
    expect(kept).toEqual([]);
    expect(r.results[0]).toEqual({
      event: custom,
      outcome: { status: 'skipped', reason: expect.stringContaining('Toy takes no custom events') },
      attempts: 0,
    });
  });

  it("skips an event the credential's eventMap sends nowhere", () => {
    const r = run({ eventMap: { purchase_completed: null } });
    r.results.push({
      event: purchase(1),
      outcome: { status: 'skipped', reason: 'not processed' },
      attempts: 0,
    });
    const out = mapEventName(r, { index: 0, event: purchase(1) });
    expect(out).toMatchObject({ index: 0, outcome: { status: 'skipped' } });
  });
});
