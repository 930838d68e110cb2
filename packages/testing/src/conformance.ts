import {
  type AnyAdapter,
  CANONICAL_EVENTS,
  type Outcome,
  ValidationError,
  parseWith,
  secretValues,
} from '@relay/core';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, fullPurchaseEvent, sampleEvent, seedEvents } from './fixtures';
import { type MockHandler, type MockReply, type RecordedRequest, socketError } from './mock-fetch';
import { runAdapter } from './run-adapter';

export interface ConformanceOptions {
  /** Credentials to use instead of `adapter.credentialsExample`. */
  credentials?: Record<string, unknown>;
  /** Options for every run (e.g. a required measurement id). */
  options?: Record<string, unknown>;
  /**
   * OMS record keys added to every event the suite builds, for platforms that need one the
   * shared fixtures do not carry (e.g. `{ tblci: '…' }`, Taboola's click id).
   */
  record?: Record<string, unknown>;
  /** The platform's success answer for a request (default 200 `{}`). */
  success?: (request: RecordedRequest) => MockReply;
  /** How the platform answers a token request, for adapters with `auth` (default: a token). */
  tokenResponse?: (request: RecordedRequest) => MockReply | undefined;
  /** Identifies token (auth) requests among all requests (default: URL contains "token"). */
  isAuthRequest?: (request: RecordedRequest) => boolean;
}

const isOk = (o: Outcome) => o.status === 'delivered';

/**
 * The suite every adapter's tests call: `testAdapterConformance(adapter, {...})`.
 * Driven by what the adapter declares (batch limits, auth, event mapping).
 */
export function testAdapterConformance(adapter: AnyAdapter, conformance: ConformanceOptions = {}): void {
  const credentials = conformance.credentials ?? adapter.credentialsExample;
  const isAuth = conformance.isAuthRequest ?? ((r: RecordedRequest) => /token/i.test(r.url));
  const success = conformance.success ?? (() => ({ status: 200, body: {} }));
  const tokenReply = (r: RecordedRequest): MockReply =>
    conformance.tokenResponse?.(r) ?? {
      status: 200,
      body: { access_token: 'test-access-token-123456', expires_in: 3600, token_type: 'Bearer' },
    };
  /** Answer auth requests with a token and platform requests with `platform`. */
  const platform =
    (answer: (r: RecordedRequest, n: number) => MockReply | Error): MockHandler =>
    (r) => {
      if (adapter.auth && isAuth(r)) return tokenReply(r);
      platformCalls.n += 1;
      return answer(r, platformCalls.n - 1);
    };
  const platformCalls = { n: 0 };
  const extra = conformance.record ?? {};
  const sample = (name: string, n = 1) => sampleEvent(name, n, extra);
  const full = () => fullPurchaseEvent(extra);
  const run = (events = seedEvents(extra), respond: MockHandler = platform(success)) => {
    platformCalls.n = 0;
    return runAdapter(adapter, events, { credentials, options: conformance.options ?? {}, respond });
  };

  describe(`${adapter.code} conformance`, () => {
    it('declares complete metadata', () => {
      expect(adapter.specVersion).toBe('v1');
      expect(adapter.code).toMatch(/^[a-z0-9_]+$/);
      expect(adapter.name.length).toBeGreaterThan(1);
      expect([1, 2, 3]).toContain(adapter.tier);
      expect(adapter.docsUrl).toMatch(/^https:\/\//);
      expect(adapter.baseUrl).toMatch(/^https?:\/\//);
      expect(adapter.apiVersion.length).toBeGreaterThan(0);
      expect(adapter.batch.maxEvents).toBeGreaterThanOrEqual(1);
      if (adapter.authType !== 'none') expect(adapter.secretFields.length).toBeGreaterThan(0);
      expect(Object.keys(adapter.events.standard)).toContain('purchase');
    });

    it('accepts the documented credentials example', () => {
      expect(() => parseWith(adapter.credentials, adapter.credentialsExample, 'credentials')).not.toThrow();
    });

    it('names each missing required credential field', () => {
      const example = adapter.credentialsExample;
      let required = 0;
      for (const key of Object.keys(example)) {
        const { [key]: _dropped, ...rest } = example;
        if (adapter.credentials.safeParse(rest).success) continue;
        required += 1;
        let error: unknown;
        try {
          parseWith(adapter.credentials, rest, `${adapter.name} credentials`);
        } catch (e) {
          error = e;
        }
        expect(ValidationError.isInstance(error), `missing ${key} must be a ValidationError`).toBe(true);
        expect((error as ValidationError).message).toContain(key);
      }
      if (adapter.authType !== 'none') expect(required).toBeGreaterThan(0);
    });

    it('maps every canonical event or skips it with a reason', async () => {
      const events = CANONICAL_EVENTS.map((name, i) => sample(name, i + 1));
      const { results } = await run(events);
      expect(results).toHaveLength(events.length);
      results.forEach((result, i) => {
        expect(result.event).toBe(events[i]);
        if (result.outcome.status === 'skipped') expect(result.outcome.reason.length).toBeGreaterThan(5);
        else
          expect(result.outcome, `${CANONICAL_EVENTS[i]} → ${JSON.stringify(result.outcome)}`).toMatchObject({
            status: 'delivered',
          });
      });
      expect(results[0]!.outcome.status, 'purchase_completed must be delivered').toBe('delivered');
    });

    it('respects batch limits and gives one outcome per event, in order', async () => {
      const count = Math.min(adapter.batch.maxEvents * 2 + 1, 61);
      const events = Array.from({ length: count }, (_, i) => sample('purchase_completed', i + 1));
      const { results, attempts } = await run(events);
      expect(results.map((r) => r.event)).toEqual(events);
      expect(results.every((r) => isOk(r.outcome))).toBe(true);
      const platformAttempts = attempts.filter((a) => !(adapter.auth && /token/i.test(a.url)));
      const carried = platformAttempts.flatMap((a) => a.eventIndexes).sort((a, b) => a - b);
      expect(carried).toEqual(events.map((_, i) => i));
      for (const attempt of platformAttempts) {
        expect(attempt.eventIndexes.length).toBeLessThanOrEqual(adapter.batch.maxEvents);
      }
    });

    it('keeps each request under the byte limit', async () => {
      const { requests } = await run([full()]);
      for (const request of requests) {
        if (adapter.batch.maxBytes)
          expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(adapter.batch.maxBytes);
      }
    });

    it('retries 429 with Retry-After', async () => {
      const { results } = await run(
        [sample('purchase_completed')],
        platform(() => ({ status: 429, headers: { 'retry-after': '120' }, body: { error: 'rate limited' } })),
      );
      expect(results[0]!.outcome).toMatchObject({ status: 'retryable', retryAfterMs: 120_000 });
    });

    it('retries 5xx and socket errors', async () => {
      for (const status of [500, 502, 503]) {
        const { results } = await run(
          [sample('purchase_completed')],
          platform(() => ({ status, body: 'oops' })),
        );
        expect(results[0]!.outcome.status, `HTTP ${status}`).toBe('retryable');
      }
      for (const code of ['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN']) {
        const { results } = await run(
          [sample('purchase_completed')],
          platform(() => socketError(code)),
        );
        expect(results[0]!.outcome.status, code).toBe('retryable');
      }
    });

    it('gives an auth outcome for 401 and 403', async () => {
      for (const status of [401, 403]) {
        const { results } = await run(
          [sample('purchase_completed')],
          platform(() => ({ status, body: { error: { message: 'Invalid credentials' } } })),
        );
        expect(results[0]!.outcome.status, `HTTP ${status}`).toBe('auth');
      }
    });

    it('never puts secrets in outcomes, warnings or audits', async () => {
      const secrets = secretValues(credentials, adapter.secretFields).filter((s) => s.length >= 4);
      expect(secrets.length > 0 || adapter.authType === 'none').toBe(true);
      // The platform echoes the whole request back, the worst case for leaks.
      const echo = (r: RecordedRequest): MockReply => ({
        status: 400,
        body: { error: { message: `bad request ${r.url} ${JSON.stringify(r.headers)} ${r.body}` } },
      });
      const { results, attempts } = await run([full()], platform(echo));
      const { attempts: okAttempts } = await run([full()]);
      const text = JSON.stringify({ results: results.map((r) => r.outcome), attempts, okAttempts });
      for (const secret of secrets) expect(text).not.toContain(secret);
    });

    it('builds the same requests for the same input (pure, fixed clock)', async () => {
      const first = await run(seedEvents(extra));
      const second = await run(seedEvents(extra));
      expect(second.requests.map((r) => r.body)).toEqual(first.requests.map((r) => r.body));
      expect(FIXED_NOW.toISOString()).toBe('2026-01-15T12:00:00.000Z');
    });
  });
}
