import { describe, expect, it } from 'vitest';
import {
  type Ga4MpEvent,
  ga4BodyEventOwners,
  ga4CampaignParams,
  ga4EventBatches,
  ga4SessionId,
} from './ga4-campaign';
import { omsRecordSchema } from './oms-schema';
import { toRelayEvent } from './relay-event';

const eventOf = (extra: Record<string, unknown>) =>
  toRelayEvent(
    omsRecordSchema.parse({
      storefront_id: 'bosley',
      event_name: 'purchase_completed',
      event_time: '2026-01-15T10:25:00Z',
      order_id: 'ORD-1',
      ...extra,
    }),
  );

describe('ga4SessionId', () => {
  it('is the GA session id of the record (ga_session_id), never the OMS session id', () => {
    expect(ga4SessionId(eventOf({ session_id: 'sess_456' }))).toBeUndefined();
    expect(ga4SessionId(eventOf({ session_id: 'sess_456', ga_session_id: '1736935200' }))).toBe('1736935200');
    expect(ga4SessionId(eventOf({ ga_session_id: 1736935200 }))).toBe('1736935200');
  });

  it('ignores a ga_session_id that is not GA’s numeric id', () => {
    expect(ga4SessionId(eventOf({ ga_session_id: 'sess_456' }))).toBeUndefined();
  });
});

describe('ga4CampaignParams', () => {
  it('gives the campaign_details parameters of the UTM fields', () => {
    expect(
      ga4CampaignParams(
        eventOf({
          utm_source: 'google',
          utm_medium: 'cpc',
          utm_campaign: 'q1',
          utm_term: 'hair',
          utm_content: 'a',
        }),
      ),
    ).toEqual({ source: 'google', medium: 'cpc', campaign: 'q1', term: 'hair', content: 'a' });
    expect(ga4CampaignParams(eventOf({}))).toBeUndefined();
  });
});

describe('ga4EventBatches', () => {
  const entry = (index: number, extra: Record<string, unknown>) => {
    const event = eventOf(extra);
    const ga4: Ga4MpEvent = { name: 'purchase', timestamp_micros: 1_000 + index, params: { n: index } };
    return { index, event, ga4 };
  };
  const google = { utm_source: 'google', utm_medium: 'cpc' };

  it('puts a campaign_details event at the same time before each event whose campaign changes', () => {
    const batches = ga4EventBatches([
      entry(0, google),
      entry(1, google),
      entry(2, {}),
      entry(3, { utm_source: 'meta' }),
    ]);
    expect(batches).toEqual([
      {
        indexes: [0, 1, 2, 3],
        events: [
          { name: 'campaign_details', timestamp_micros: 1000, params: { source: 'google', medium: 'cpc' } },
          { name: 'purchase', timestamp_micros: 1000, params: { n: 0 } },
          { name: 'purchase', timestamp_micros: 1001, params: { n: 1 } },
          { name: 'purchase', timestamp_micros: 1002, params: { n: 2 } },
          { name: 'campaign_details', timestamp_micros: 1003, params: { source: 'meta' } },
          { name: 'purchase', timestamp_micros: 1003, params: { n: 3 } },
        ],
      },
    ]);
  });

  it('never puts more than 25 events in one request, campaign events included', () => {
    const entries = Array.from({ length: 20 }, (_, i) => entry(i, { utm_source: `s${i}` }));
    const batches = ga4EventBatches(entries);
    expect(batches.map((b) => b.events.length)).toEqual([24, 16]);
    expect(batches.map((b) => b.indexes)).toEqual([
      Array.from({ length: 12 }, (_, i) => i),
      Array.from({ length: 8 }, (_, i) => i + 12),
    ]);
    expect(batches[1]!.events[0]).toEqual({
      name: 'campaign_details',
      timestamp_micros: 1012,
      params: { source: 's12' },
    });
  });
});

describe('ga4BodyEventOwners', () => {
  it('traces each body entry back to its event, campaign_details to the event it precedes', () => {
    const google = { utm_source: 'google' };
    const events = [eventOf(google), eventOf(google), eventOf({}), eventOf({ utm_source: 'meta' })];
    expect(ga4BodyEventOwners(events)).toEqual([0, 0, 1, 2, 3, 3]);
  });
});
