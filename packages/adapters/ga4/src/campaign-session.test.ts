import { fullPurchaseEvent, runAdapter, seedEvents } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';

type Body = { events: Array<{ name: string; timestamp_micros: number; params: Record<string, unknown> }> };

// session_id: only GA's own session id joins an event to a session (Measurement Protocol
// use cases); campaign: GA4 reads source/medium/campaign from a campaign_details event
// (Measurement Protocol reference, events#campaign_details), not from params on other events.
describe('ga4 session and campaign attribution', () => {
  it('never sends the OMS session id as session_id; sends ga_session_id when the record has it', async () => {
    const { requests } = await runAdapter(adapter, [
      fullPurchaseEvent(),
      fullPurchaseEvent({ ga_session_id: '1736935200', event_id: 'evt_2' }),
    ]);
    const events = requests.flatMap((r) => (r.json as Body).events.filter((e) => e.name === 'purchase'));
    expect(events.map((e) => e.params['session_id'])).toEqual([undefined, '1736935200']);
  });

  it('sends the UTM values as a campaign_details event at the event’s time, not as params of the event', async () => {
    const { requests } = await runAdapter(adapter, [seedEvents()[2]!]);
    const body = requests[0]!.json as Body;
    expect(body.events).toEqual([
      {
        name: 'campaign_details',
        timestamp_micros: 1768472700000000,
        params: { source: 'google', medium: 'organic', campaign: 'bosley_q1' },
      },
      {
        name: 'purchase',
        timestamp_micros: 1768472700000000,
        params: {
          transaction_id: '2025020100003333',
          value: 80.79,
          currency: 'USD',
          engagement_time_msec: 1,
        },
      },
    ]);
  });
});
