import { sampleEvent, runAdapter } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { adapter } from './index';

const events = () => [
  sampleEvent('purchase_completed', 1, { session_id: 's' }),
  sampleEvent('lead', 2, { session_id: 's' }),
];

describe('sgtm parseResponse', () => {
  it('204 with an empty body delivers every event of the request', async () => {
    const { results } = await runAdapter(adapter, events(), { respond: () => ({ status: 204 }) });
    expect(results.map((r) => r.outcome)).toEqual([{ status: 'delivered' }, { status: 'delivered' }]);
  });

  it('GA4 validation messages in a 2xx reject with the field and description', async () => {
    const { results } = await runAdapter(adapter, events(), {
      respond: () => ({
        status: 200,
        body: {
          validationMessages: [
            {
              fieldPath: 'events[0].name',
              description: 'Event name is reserved.',
              validationCode: 'NAME_RESERVED',
            },
          ],
        },
      }),
    });
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'ga4_validation',
      reason:
        'Server-side Google Tag Manager (GA4) rejected the event: events[0].name: Event name is reserved.',
    });
    expect(results[1]!.outcome).toEqual(results[0]!.outcome);
  });

  it('404 names the unclaimed path', async () => {
    const { results } = await runAdapter(adapter, events(), { respond: () => ({ status: 404, body: '' }) });
    expect(results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'no_client_claimed',
      reason:
        "Server-side Google Tag Manager answered 404: no client in the container claimed the request path; check client_type and the container's clients: empty body (path /mp/collect)",
    });
  });

  it('429 retries after Retry-After, 400 rejects with the body', async () => {
    const limited = await runAdapter(adapter, events(), {
      respond: () => ({ status: 429, headers: { 'retry-after': '30' }, body: 'slow down' }),
    });
    expect(limited.results[0]!.outcome).toEqual({
      status: 'retryable',
      reason: 'Server-side Google Tag Manager answered 429: slow down',
      retryAfterMs: 30_000,
    });
    const bad = await runAdapter(adapter, events(), { respond: () => ({ status: 400, body: 'bad json' }) });
    expect(bad.results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'Server-side Google Tag Manager rejected the request (400): bad json',
    });
  });
});
