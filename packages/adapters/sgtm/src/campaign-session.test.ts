import { fullPurchaseEvent, runAdapter, seedEvents } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';

type Body = { events: Array<{ name: string; timestamp_micros: number; params: Record<string, unknown> }> };

// Same rules as @relay/adapter-ga4 (core's ga4-campaign): session_id only from GA's session id,
// UTM values as a campaign_details event.
describe('sgtm GA4 client session and campaign attribution', () => {
  it('never sends the OMS session id as session_id; sends ga_session_id when the record has it', async () => {
    const { requests } = await runAdapter(adapter, [
      fullPurchaseEvent(),
      fullPurchaseEvent({ ga_session_id: '1736935200', event_id: 'evt_2' }),
    ]);
    const events = requests.flatMap((r) => (r.json as Body).events.filter((e) => e.name === 'purchase'));
    expect(events.map((e) => e.params['session_id'])).toEqual([undefined, '1736935200']);
  });

  it('sends the UTM values as a campaign_details event before the event, not as its params', async () => {
    const { requests } = await runAdapter(adapter, [seedEvents()[2]!]);
    const [campaign, purchase] = (requests[0]!.json as Body).events;
    expect(campaign).toEqual({
      name: 'campaign_details',
      timestamp_micros: 1768472700000000,
      params: { source: 'google', medium: 'organic', campaign: 'bosley_q1' },
    });
    expect(purchase!.name).toBe('purchase');
    expect(Object.keys(purchase!.params)).not.toContain('source');
    expect(Object.keys(purchase!.params)).not.toContain('session_id');
  });
});
