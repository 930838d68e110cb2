import { describe, expect, it } from 'vitest';
import { NOW, fakeFetch, idsOf, purchase, toyAdapter } from '../__fixtures__/toy/toy-adapter';
import type { HttpRequest, HttpResponse, Outcome } from '../adapter';
import { deliver } from '../deliver';
import { type ErrorTable, outcomeFromErrorTable } from '../error-table';

/** Toy's error body: `{error: {code, message}}`. */
const table: ErrorTable = {
  read: (r) => {
    const e = (r.json as { error?: { code?: string; message?: string } } | undefined)?.error;
    return e ? { code: e.code, message: e.message ?? 'no message' } : undefined;
  },
  rows: [
    {
      code: 'BAD_ACCOUNT',
      outcome: { status: 'rejected', code: 'bad_account' },
      reason: 'does not know this account',
      scope: 'request',
      example: { status: 400, body: { error: { code: 'BAD_ACCOUNT', message: 'no such account' } } },
    },
    {
      code: 'INVALID',
      outcome: { status: 'rejected', code: 'invalid_event' },
      reason: 'refused the request',
      example: { status: 400, body: { error: { code: 'INVALID', message: 'invalid event' } } },
    },
  ],
};

const atomic = toyAdapter({
  batch: { maxEvents: 1000, atomic: true },
  errors: table,
  parseResponse: (response: HttpResponse) => outcomeFromErrorTable(table, response, 'Toy'),
});

/** The platform refuses a whole request when one of its ids is bad, without naming it. */
const refusesBad = (bad: Set<string>) =>
  fakeFetch((call) =>
    idsOf(call.body).some((id) => bad.has(id))
      ? { status: 400, body: { error: { code: 'INVALID', message: 'an event has no user data' } } }
      : { status: 200, body: {} },
  );

const opts = (fetch: typeof globalThis.fetch) => ({
  credentials: { api_key: 'k' },
  fetch,
  now: () => NOW,
  retries: 0,
});
const events = (n: number) => Array.from({ length: n }, (_, i) => purchase(i + 1));
const REJECTED: Outcome = {
  status: 'rejected',
  code: 'invalid_event',
  reason: 'Toy refused the request: an event has no user data',
};

describe('stage "isolate": all-or-nothing platforms', () => {
  it('halves a refused request until the one bad event is alone; the others are delivered once', async () => {
    const { fetch, calls } = refusesBad(new Set(['ORD-6']));
    const report = await deliver(atomic, events(8), opts(fetch));
    expect(report.results.map((r) => r.outcome)).toEqual([
      ...Array(5).fill({ status: 'delivered' }),
      REJECTED,
      ...Array(2).fill({ status: 'delivered' }),
    ]);
    expect(calls.map((c) => idsOf(c.body))).toEqual([
      ['ORD-1', 'ORD-2', 'ORD-3', 'ORD-4', 'ORD-5', 'ORD-6', 'ORD-7', 'ORD-8'],
      ['ORD-1', 'ORD-2', 'ORD-3', 'ORD-4'],
      ['ORD-5', 'ORD-6', 'ORD-7', 'ORD-8'],
      ['ORD-5', 'ORD-6'],
      ['ORD-5'],
      ['ORD-6'],
      ['ORD-7', 'ORD-8'],
    ]);
    // 2·log2(8) = 6 extra requests for one bad event.
    expect(report.isolationRequests).toBe(6);
    // Every valid event reached the platform in exactly one accepted request.
    const accepted = calls.map((c) => idsOf(c.body)).filter((ids) => !ids.includes('ORD-6'));
    expect(accepted.flat().sort()).toEqual(['ORD-1', 'ORD-2', 'ORD-3', 'ORD-4', 'ORD-5', 'ORD-7', 'ORD-8']);
  });

  it('re-sends at once the events a platform refused only because of the ones it named', async () => {
    const naming = toyAdapter({
      batch: { maxEvents: 1000, atomic: true },
      parseResponse: (response, evs) => {
        const bad = (response.json as { bad?: number[] } | undefined)?.bad;
        if (!bad) return { status: 'delivered' };
        return evs.map(
          (_, i): Outcome =>
            bad.includes(i)
              ? { status: 'rejected', code: 'invalid_event', reason: `Toy: element ${i} is invalid` }
              : {
                  status: 'retryable',
                  reason: 'Toy refused the batch for another element',
                  collateral: true,
                },
        );
      },
    });
    const { fetch, calls } = fakeFetch((call) => {
      const ids = idsOf(call.body);
      const bad = ids.flatMap((id, i) => (id === 'ORD-2' || id === 'ORD-4' ? [i] : []));
      return bad.length > 0 ? { status: 422, body: { bad } } : { status: 200, body: {} };
    });
    const report = await deliver(naming, events(5), opts(fetch));
    expect(calls.map((c) => idsOf(c.body))).toEqual([
      ['ORD-1', 'ORD-2', 'ORD-3', 'ORD-4', 'ORD-5'],
      ['ORD-1', 'ORD-3', 'ORD-5'],
    ]);
    expect(report.results.map((r) => r.outcome)).toEqual([
      { status: 'delivered' },
      { status: 'rejected', code: 'invalid_event', reason: 'Toy: element 1 is invalid' },
      { status: 'delivered' },
      { status: 'rejected', code: 'invalid_event', reason: 'Toy: element 3 is invalid' },
      { status: 'delivered' },
    ]);
    expect(report.isolationRequests).toBe(1);
  });

  it('does not split an error the table marks as about the request (stop rule)', async () => {
    const { fetch, calls } = fakeFetch(() => ({
      status: 400,
      body: { error: { code: 'BAD_ACCOUNT', message: 'no such account' } },
    }));
    const report = await deliver(atomic, events(4), opts(fetch));
    expect(calls).toHaveLength(1);
    expect(report.isolationRequests).toBe(0);
    expect(report.results.map((r) => r.outcome)).toEqual(
      Array(4).fill({
        status: 'rejected',
        code: 'bad_account',
        reason: 'Toy does not know this account: no such account',
      }),
    );
  });

  it('stops splitting when a half fails with something other than a rejection (auth, throttling)', async () => {
    const { fetch, calls } = fakeFetch((_c, n) =>
      n === 0
        ? { status: 400, body: { error: { code: 'INVALID', message: 'an event has no user data' } } }
        : { status: 429, body: {} },
    );
    const report = await deliver(atomic, events(4), opts(fetch));
    expect(calls.map((c) => idsOf(c.body).length)).toEqual([4, 2, 2]);
    expect(report.results.map((r) => r.outcome.status)).toEqual(Array(4).fill('retryable'));
    expect(report.isolationRequests).toBe(2);
  });

  it('leaves a platform that is not all-or-nothing alone', async () => {
    const plain = toyAdapter({
      errors: table,
      parseResponse: (r: HttpResponse) => outcomeFromErrorTable(table, r, 'Toy'),
    });
    const { fetch, calls } = refusesBad(new Set(['ORD-2']));
    const report = await deliver(plain, events(4), opts(fetch));
    expect(calls).toHaveLength(1);
    expect(report.results.map((r) => r.outcome)).toEqual(Array(4).fill(REJECTED));
  });

  it("follows a request's own `atomic` over `batch.atomic` (an adapter with two APIs)", async () => {
    const perRequest = (atomicRequest: boolean, batchAtomic: boolean) => {
      const base = toyAdapter();
      return toyAdapter({
        batch: { maxEvents: 1000, atomic: batchAtomic },
        errors: table,
        parseResponse: (r: HttpResponse) => outcomeFromErrorTable(table, r, 'Toy'),
        buildRequests: (evs, ctx) =>
          (base.buildRequests(evs, ctx) as HttpRequest[]).map((r) => ({ ...r, atomic: atomicRequest })),
      });
    };
    const notAtomic = refusesBad(new Set(['ORD-2']));
    await deliver(perRequest(false, true), events(4), opts(notAtomic.fetch));
    expect(notAtomic.calls).toHaveLength(1);
    const isAtomic = refusesBad(new Set(['ORD-2']));
    const report = await deliver(perRequest(true, false), events(4), opts(isAtomic.fetch));
    expect(isAtomic.calls.map((c) => idsOf(c.body).length)).toEqual([4, 2, 1, 1, 2]);
    expect(report.results.map((r) => r.outcome.status)).toEqual([
      'delivered',
      'rejected',
      'delivered',
      'delivered',
    ]);
  });
});
