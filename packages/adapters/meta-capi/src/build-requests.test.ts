import { sha256Hex } from '@relay/core';
import { fullPurchaseEvent, runAdapter, sampleEvent } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';

type Body = { data: Array<Record<string, unknown> & { user_data: Record<string, unknown> }> };

// developers.facebook.com/docs/marketing-api/conversions-api/parameters: "Website events shared
// using the Conversions API require the client_user_agent, action_source, and event_source_url
// parameters, while non-web events require only action_source." action_source `other`:
// "Conversion happened in a way that is not listed" (server-event parameters).
describe('meta_capi action_source', () => {
  const sourcesOf = async (
    events: ReturnType<typeof sampleEvent>[],
    options: Record<string, unknown> = {},
  ) => {
    const { requests } = await runAdapter(adapter, events, { options });
    return (requests[0]!.json as Body).data.map((d) => [d['action_source'], d['event_source_url']]);
  };

  it('auto sends website only when the event has both the page URL and the user agent', async () => {
    const withUrl = sampleEvent('purchase_completed', 1, { page_url: 'https://www.bosley.com/checkout' });
    const withoutUrl = sampleEvent('purchase_completed', 2);
    const urlWithoutAgent = sampleEvent('purchase_completed', 3, {
      page_url: 'https://www.bosley.com/checkout',
      user_agent: undefined,
    });
    expect(await sourcesOf([withUrl, withoutUrl, urlWithoutAgent])).toEqual([
      ['website', 'https://www.bosley.com/checkout'],
      ['other', undefined],
      ['other', 'https://www.bosley.com/checkout'],
    ]);
  });

  it('an explicit website falls back to other for an event missing the URL or the user agent', async () => {
    const withUrl = sampleEvent('lead', 1, { page_url: 'https://www.bosley.com/consult' });
    const withoutUrl = sampleEvent('lead', 2);
    expect(await sourcesOf([withUrl, withoutUrl], { action_source: 'website' })).toEqual([
      ['website', 'https://www.bosley.com/consult'],
      ['other', undefined],
    ]);
  });

  it('keeps a non-web explicit action_source as configured', async () => {
    expect(await sourcesOf([sampleEvent('lead', 1)], { action_source: 'system_generated' })).toEqual([
      ['system_generated', undefined],
    ]);
  });
});

describe('meta_capi st', () => {
  it('hashes a full US state name as its two-letter code', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent({ state: 'New York' })]);
    expect((requests[0]!.json as Body).data[0]!.user_data['st']).toEqual([sha256Hex('ny')]);
    expect(sha256Hex('ny')).toBe('1b06e2003f8420d6fa42badd8f77ec0f706b976b7a48b13c567dc5a559681683');
  });
});
