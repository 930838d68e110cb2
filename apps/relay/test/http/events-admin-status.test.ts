import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STATUSES } from '../../src/db/statuses';
import { type TestApp, createTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'bosley', name: 'Bosley' });
  await t.call('POST', '/v1/events', {
    data: [
      { storefront_id: 'bosley', event_name: 'lead', event_time: '2026-01-15T10:25:00Z', order_id: 'L-1' },
    ],
    error: '',
  });
});
afterAll(() => t.close());

describe('GET /admin/v1/events?status=', () => {
  it('takes only the event statuses of db/statuses.ts', async () => {
    expect(EVENT_STATUSES).toEqual(['pending', 'routing', 'routed', 'suppressed', 'invalid', 'duplicate']);
    const pending = await (await t.call('GET', '/admin/v1/events?status=pending')).json();
    expect(pending.items.map((e: { order_id: string }) => e.order_id)).toEqual(['L-1']);
    expect((await (await t.call('GET', '/admin/v1/events?status=routed')).json()).total).toBe(0);
    const bad = await t.call('GET', '/admin/v1/events?status=delivered');
    expect(bad.status).toBe(422);
    expect((await bad.json()).detail.map((d: { loc: string[] }) => d.loc)).toEqual([['query', 'status']]);
  });
});
