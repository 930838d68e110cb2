import { describe, expect, it } from 'vitest';
import { NOW, fakeFetch, idsOf, purchase, toyAdapter } from '../__fixtures__/toy/toy-adapter';
import { deliver } from '../deliver';
import { ageRefusal } from './refuse';

const DAY = 86_400_000;
const week = toyAdapter({ maxEventAgeMs: 7 * DAY });

describe('stage "refuse": the age window with its margin', () => {
  it('sends an event up to one hour before the window ends', () => {
    expect(ageRefusal(week, new Date(NOW.getTime() - 7 * DAY + 3_600_000), NOW)).toBeUndefined();
  });

  it('refuses an event inside the last hour of the window, saying why', () => {
    expect(ageRefusal(week, new Date('2026-01-08T12:30:00Z'), NOW)).toEqual({
      status: 'rejected',
      code: 'event_too_old',
      reason:
        'Toy accepts events up to 7 days old; Relay stops 1 hour before that so clock skew cannot make the platform refuse the batch; this one happened at 2026-01-08T12:30:00.000Z',
    });
  });

  it('refuses an event past the window with the platform window only', () => {
    expect(ageRefusal(week, new Date('2026-01-08T11:00:00Z'), NOW)).toEqual({
      status: 'rejected',
      code: 'event_too_old',
      reason: 'Toy accepts events up to 7 days old; this one happened at 2026-01-08T11:00:00.000Z',
    });
  });

  it('keeps a larger margin an adapter declares, and refuses one under an hour', () => {
    const wide = toyAdapter({ maxEventAgeMs: 7 * DAY, eventAgeMarginMs: 6 * 3_600_000 });
    expect(ageRefusal(wide, new Date('2026-01-08T17:00:00Z'), NOW)?.reason).toContain(
      'Relay stops 6 hours before',
    );
    expect(() => toyAdapter({ eventAgeMarginMs: 60_000 })).toThrow(
      'eventAgeMarginMs must be at least one hour',
    );
  });
});

describe('stage "refuse": the adapter check', () => {
  const checked = toyAdapter({
    check: (mapped) =>
      mapped.event.value === undefined
        ? { status: 'rejected', code: 'missing_value', reason: 'Toy needs a value on purchases' }
        : undefined,
  });

  it('refuses before building, so a refused event never shares a request with valid ones', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: {} }));
    const events = [
      purchase(1, undefined, { value: 10, currency: 'USD' }),
      purchase(2),
      purchase(3, undefined, { value: 5, currency: 'USD' }),
    ];
    const report = await deliver(checked, events, { credentials: { api_key: 'k' }, fetch, now: () => NOW });
    expect(calls.map((c) => idsOf(c.body))).toEqual([['ORD-1', 'ORD-3']]);
    expect(report.results.map((r) => r.outcome)).toEqual([
      { status: 'delivered' },
      { status: 'rejected', code: 'missing_value', reason: 'Toy needs a value on purchases' },
      { status: 'delivered' },
    ]);
    expect(report.results[1]!.platformEventName).toBeUndefined();
    expect(report.results[1]!.attempts).toBe(0);
  });

  it('sends nothing when every event is refused', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200 }));
    const report = await deliver(checked, [purchase(1)], {
      credentials: { api_key: 'k' },
      fetch,
      now: () => NOW,
    });
    expect(calls).toEqual([]);
    expect(report.results[0]!.outcome.status).toBe('rejected');
  });
});
