import { describe, expect, it } from 'vitest';
import type { HttpResponse } from './adapter';
import { resolveEventName } from './event-map';
import {
  isRetryableStatus,
  outcomeFromNetworkError,
  outcomeFromStatus,
  parseRetryAfter,
  withRetryAfter,
} from './outcomes';

const res = (status: number, body = '', headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body,
  json: undefined,
});
const NOW = new Date('2026-01-15T12:00:00Z');

describe('default status table', () => {
  it('classifies every status of the table', () => {
    expect([200, 201, 204].map((s) => outcomeFromStatus(res(s), 'P', NOW).status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
    expect(outcomeFromStatus(res(401, 'bad token'), 'P', NOW)).toEqual({
      status: 'auth',
      kind: 'refresh',
      reason: 'P rejected the credentials (401): bad token',
    });
    expect(outcomeFromStatus(res(403, 'no'), 'P', NOW)).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'P denied access (403): no',
    });
    for (const s of [408, 409, 423, 429, 500, 502, 503, 504])
      expect(isRetryableStatus(s), String(s)).toBe(true);
    for (const s of [400, 404, 413, 422, 501]) expect(isRetryableStatus(s), String(s)).toBe(false);
    expect(outcomeFromStatus(res(400, '{"error":"bad field"}'), 'P', NOW)).toEqual({
      status: 'rejected',
      code: 'http_400',
      reason: 'P rejected the request (400): {"error":"bad field"}',
    });
    expect(outcomeFromStatus(res(501), 'P', NOW)).toMatchObject({ status: 'rejected', code: 'http_501' });
  });

  it('carries Retry-After in seconds or as an HTTP date', () => {
    expect(outcomeFromStatus(res(429, '', { 'retry-after': '30' }), 'P', NOW)).toEqual({
      status: 'retryable',
      reason: 'P answered 429: HTTP 429',
      retryAfterMs: 30_000,
    });
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:02:00 GMT', NOW)).toBe(120_000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });

  it('retries socket errors and timeouts', () => {
    const cause = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(outcomeFromNetworkError(new TypeError('fetch failed', { cause }), 'P')).toEqual({
      status: 'retryable',
      reason: 'P: ECONNRESET fetch failed',
    });
    expect(outcomeFromNetworkError(Object.assign(new Error('t'), { name: 'TimeoutError' }), 'P')).toEqual({
      status: 'retryable',
      reason: 'P did not answer in time',
    });
  });
});

describe('withRetryAfter', () => {
  const at = new Date('2026-01-15T12:00:00Z');
  const answer = (headers: Record<string, string>): HttpResponse => ({
    status: 429,
    headers,
    body: '',
    json: undefined,
  });
  it("gives a retryable outcome the answer's Retry-After unless it names its own wait", () => {
    const retry = { status: 'retryable' as const, reason: 'slow down' };
    expect(withRetryAfter(retry, answer({ 'retry-after': '30' }), at)).toEqual({
      ...retry,
      retryAfterMs: 30_000,
    });
    expect(withRetryAfter({ ...retry, retryAfterMs: 5 }, answer({ 'retry-after': '30' }), at)).toEqual({
      ...retry,
      retryAfterMs: 5,
    });
    expect(withRetryAfter(retry, answer({}), at)).toBe(retry);
    const rejected = { status: 'rejected' as const, code: 'x', reason: 'no' };
    expect(withRetryAfter(rejected, answer({ 'retry-after': '30' }), at)).toBe(rejected);
  });
});

describe('resolveEventName', () => {
  const mapping = {
    standard: { purchase: 'Purchase', lead: 'Lead' },
    custom: 'pass-through' as const,
    customName: (n: string) => n.toUpperCase(),
  };

  it('maps canonical names and their aliases to the standard event', () => {
    expect(resolveEventName(mapping, 'purchase_completed')).toEqual({
      send: true,
      name: 'Purchase',
      custom: false,
    });
    expect(resolveEventName(mapping, 'consult_completed')).toEqual({
      send: true,
      name: 'Lead',
      custom: false,
    });
  });

  it('passes other names through as custom events, or skips them with a reason', () => {
    expect(resolveEventName(mapping, 'rx_issued')).toEqual({ send: true, name: 'RX_ISSUED', custom: true });
    expect(resolveEventName({ ...mapping, custom: 'skip' }, 'rx_issued', {}, 'Acme')).toEqual({
      send: false,
      reason:
        "Acme has no standard event for 'rx_issued' and does not accept custom events; map it with options.eventMap",
    });
  });

  it('lets a credential override any row, including mapping to nothing', () => {
    expect(resolveEventName(mapping, 'rx_issued', { rx_issued: 'Lead' })).toEqual({
      send: true,
      name: 'Lead',
      custom: false,
    });
    expect(resolveEventName(mapping, 'purchase_completed', { purchase_completed: null })).toEqual({
      send: false,
      reason: "event 'purchase_completed' is mapped to nothing for this credential",
    });
  });
});
