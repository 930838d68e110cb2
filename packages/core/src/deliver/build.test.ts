import { describe, expect, it } from 'vitest';
import { NOW, fakeFetch, idsOf, purchase, toyAdapter } from '../__fixtures__/toy/toy-adapter';
import { deliver } from '../deliver';

/** Each toy event body is `{"id":"ORD-n","name":"Purchase"}` (about 30 bytes). */
const limited = (maxBytes: number) => toyAdapter({ batch: { maxEvents: 100, maxBytes } });
const opts = (fetch: typeof globalThis.fetch) => ({ credentials: { api_key: 'k' }, fetch, now: () => NOW });

describe('stage "chunk": byte-limit halving', () => {
  it('sends a chunk over maxBytes in halves until each body fits, every event once', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200 }));
    const events = Array.from({ length: 5 }, (_, i) => purchase(i + 1));
    // 2 events ≈ 80 bytes fit, 3 do not.
    const report = await deliver(limited(90), events, opts(fetch));
    expect(calls.map((c) => idsOf(c.body))).toEqual([['ORD-1', 'ORD-2'], ['ORD-3'], ['ORD-4', 'ORD-5']]);
    for (const call of calls) expect(Buffer.byteLength(call.body!)).toBeLessThanOrEqual(90);
    expect(report.results.map((r) => r.outcome.status)).toEqual(Array(5).fill('delivered'));
  });

  it('rejects one event that alone is over the limit as adapter_error, and sends the others', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200 }));
    const big = purchase(2, undefined, { order_id: `ORD-${'X'.repeat(200)}` });
    const report = await deliver(limited(120), [purchase(1), big, purchase(3)], opts(fetch));
    expect(calls.map((c) => idsOf(c.body))).toEqual([['ORD-1'], ['ORD-3']]);
    expect(report.results.map((r) => r.outcome)).toEqual([
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'adapter_error',
        reason: expect.stringMatching(/^Toy: one event makes a \d+-byte body, over the 120-byte limit$/),
      },
      { status: 'delivered' },
    ]);
  });
});

describe('an adapter that throws or miscounts', () => {
  it('turns a throwing buildRequests into adapter_error for its events, secrets removed', async () => {
    const broken = toyAdapter({
      buildRequests: (_e, ctx) => {
        throw new Error(`cannot build with key ${ctx.credentials.api_key}`);
      },
    });
    const { fetch, calls } = fakeFetch(() => ({ status: 200 }));
    const report = await deliver(broken, [purchase(1)], {
      ...opts(fetch),
      credentials: { api_key: 'toy-secret-key' },
    });
    expect(calls).toEqual([]);
    expect(report.results[0]!.outcome).toEqual({
      status: 'rejected',
      code: 'adapter_error',
      reason: 'cannot build with key [REDACTED]',
    });
  });

  it('turns a throwing parseResponse into adapter_error without retrying the request', async () => {
    const broken = toyAdapter({
      parseResponse: () => {
        throw new Error('unexpected body');
      },
    });
    const { fetch, calls } = fakeFetch(() => ({ status: 200 }));
    const report = await deliver(broken, [purchase(1), purchase(2)], { ...opts(fetch), retries: 2 });
    expect(calls).toHaveLength(1);
    expect(report.results.map((r) => r.outcome)).toEqual(
      Array(2).fill({ status: 'rejected', code: 'adapter_error', reason: 'unexpected body' }),
    );
  });

  it('turns a wrong number of outcomes into adapter_error', async () => {
    const broken = toyAdapter({ parseResponse: () => [{ status: 'delivered' }] });
    const { fetch } = fakeFetch(() => ({ status: 200 }));
    const report = await deliver(broken, [purchase(1), purchase(2)], opts(fetch));
    expect(report.results.map((r) => r.outcome)).toEqual(
      Array(2).fill({
        status: 'rejected',
        code: 'adapter_error',
        reason: 'Toy: parseResponse gave 1 outcomes for 2 events',
      }),
    );
  });

  it('lets a credential ValidationError from a build escape (a configuration problem, not an event one)', async () => {
    const { ValidationError } = await import('../errors');
    const broken = toyAdapter({
      buildRequests: () => {
        throw new ValidationError('credentials.api_key: not a Toy key', { field: 'api_key' });
      },
    });
    const { fetch } = fakeFetch(() => ({ status: 200 }));
    await expect(deliver(broken, [purchase(1)], opts(fetch))).rejects.toThrow('credentials.api_key');
  });
});
