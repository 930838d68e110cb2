import { describe, expect, it } from 'vitest';
import { NOW, fakeFetch, purchase, toyAdapter } from '../__fixtures__/toy/toy-adapter';
import { deliver } from '../deliver';

const adapter = toyAdapter();

describe('stages "send" and "parse": in-process retries', () => {
  it('waits a Retry-After within maxInlineWaitMs and sends again', async () => {
    const waits: number[] = [];
    const { fetch, calls } = fakeFetch((_c, n) =>
      n === 0 ? { status: 429, headers: { 'retry-after': '3' }, body: {} } : { status: 200 },
    );
    const report = await deliver(adapter, [purchase(1)], {
      credentials: { api_key: 'k' },
      fetch,
      now: () => NOW,
      retries: 2,
      maxInlineWaitMs: 5_000,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(calls).toHaveLength(2);
    expect(waits).toContain(3_000);
    expect(report.results[0]).toMatchObject({ outcome: { status: 'delivered' }, attempts: 2 });
  });

  it('hands a Retry-After longer than maxInlineWaitMs back as retryable without waiting', async () => {
    const waits: number[] = [];
    const { fetch, calls } = fakeFetch(() => ({ status: 429, headers: { 'retry-after': '30' }, body: {} }));
    const report = await deliver(adapter, [purchase(1)], {
      credentials: { api_key: 'k' },
      fetch,
      now: () => NOW,
      retries: 2,
      maxInlineWaitMs: 5_000,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(report.results[0]!.outcome).toMatchObject({ status: 'retryable', retryAfterMs: 30_000 });
  });

  it('gives the platform Retry-After to a retryable outcome the adapter left without one', async () => {
    const throttled = toyAdapter({ parseResponse: () => ({ status: 'retryable', reason: 'Toy is busy' }) });
    const { fetch } = fakeFetch(() => ({ status: 200, headers: { 'retry-after': '60' }, body: {} }));
    const report = await deliver(throttled, [purchase(1)], {
      credentials: { api_key: 'k' },
      fetch,
      now: () => NOW,
      retries: 0,
    });
    expect(report.results[0]!.outcome).toEqual({
      status: 'retryable',
      reason: 'Toy is busy',
      retryAfterMs: 60_000,
    });
  });

  it('records each attempt with the secret removed', async () => {
    const { fetch } = fakeFetch(() => ({ status: 400, body: { echo: 'toy-secret-key' } }));
    const report = await deliver(adapter, [purchase(1)], {
      credentials: { api_key: 'toy-secret-key' },
      fetch,
      now: () => NOW,
    });
    expect(report.attempts).toHaveLength(1);
    expect(report.attempts[0]).toMatchObject({
      status: 400,
      eventIndexes: [0],
      response: '{"echo":"[REDACTED]"}',
    });
    expect(JSON.stringify(report)).not.toContain('toy-secret-key');
  });
});

describe('stage "send": secrets in an echoed Authorization header', () => {
  it('redacts the Basic credential the adapter sent when the platform echoes it back', async () => {
    const basic = toyAdapter({
      buildRequests: (events, ctx) => [
        {
          method: 'POST',
          url: `${ctx.baseUrl}/events`,
          headers: {
            authorization: `Basic ${Buffer.from(`user:${ctx.credentials.api_key}`).toString('base64')}`,
          },
          body: { events: events.map((e) => ({ id: e.event.orderId })) },
          eventIndexes: events.map((_, i) => i),
        },
      ],
    });
    const header = `Basic ${Buffer.from('user:toy-secret-key').toString('base64')}`;
    const { fetch } = fakeFetch(() => ({ status: 400, body: { echo: header } }));
    const report = await deliver(basic, [purchase(1)], {
      credentials: { api_key: 'toy-secret-key' },
      fetch,
      now: () => NOW,
    });
    expect(JSON.stringify(report)).not.toContain(Buffer.from('user:toy-secret-key').toString('base64'));
    expect(report.attempts[0]!.response).toBe('{"echo":"Basic [REDACTED]"}');
  });
});
