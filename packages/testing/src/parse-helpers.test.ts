import { describe, expect, it } from 'vitest';
import { jsonResponse, mappedEvents, outcomesPerEvent } from './parse-helpers';

describe('parse helpers', () => {
  it('gives a whole-request outcome to every event and keeps a per-event answer as it is', () => {
    const retry = { status: 'retryable' as const, reason: 'later' };
    expect(outcomesPerEvent(retry, 3)).toEqual([retry, retry, retry]);
    const perEvent = [{ status: 'delivered' as const }, retry];
    expect(outcomesPerEvent(perEvent, 2)).toBe(perEvent);
    const answer = jsonResponse(429, {}, { 'retry-after': '7' });
    expect(outcomesPerEvent(retry, 2, answer)).toEqual([
      { ...retry, retryAfterMs: 7000 },
      { ...retry, retryAfterMs: 7000 },
    ]);
  });

  it('builds a JSON response', () => {
    expect(jsonResponse(400, { code: 1 }, { 'retry-after': '3' })).toEqual({
      status: 400,
      headers: { 'retry-after': '3' },
      body: '{"code":1}',
      json: { code: 1 },
    });
  });

  it('builds mapped sample events in order', () => {
    const events = mappedEvents(2, 'Purchase');
    expect(events.map((e) => [e.name, e.custom, e.event.orderId])).toEqual([
      ['Purchase', false, 'ORD-0001'],
      ['Purchase', false, 'ORD-0002'],
    ]);
  });
});
