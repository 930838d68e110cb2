import { type AnyAdapter, CANONICAL_EVENTS, ValidationError, parseWith, secretValues } from '@relay/core';
import { describe, expect, it } from 'vitest';
import { fullPurchaseEvent, sampleEvent, seedEvents } from './fixtures';
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

/** One check of the kit: a name (the test title) and a run that throws when the adapter fails it. */
export interface ConformanceCheck {
  name: string;
  run: () => Promise<void>;
}

/** The forms a leaked secret takes in text: as is, URL-encoded, base64 (HTTP Basic) and hex. */
function leakForms(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('hex'),
  ];
  return [...new Set(forms.filter((f) => f.length >= 4))];
}

/**
 * The kit's checks for one adapter, driven by what it declares (batch limits, auth, event
 * mapping, error table). `testAdapterConformance` registers each as a test; the kit's own tests
 * run them against broken adapters to show each one fails when it should.
 */
export function conformanceChecks(
  adapter: AnyAdapter,
  conformance: ConformanceOptions = {},
): ConformanceCheck[] {
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

  const checks: ConformanceCheck[] = [
    {
      name: 'declares complete metadata',
      run: async () => {
        expect(adapter.specVersion).toBe('v1');
        expect(adapter.code).toMatch(/^[a-z0-9_]+$/);
        expect(adapter.name.length).toBeGreaterThan(1);
        expect([1, 2, 3]).toContain(adapter.tier);
        // A link readers follow from docs/platforms.md: one https URL on a real host, nothing else.
        expect(adapter.docsUrl).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/);
        expect(adapter.baseUrl).toMatch(/^https?:\/\//);
        expect(adapter.apiVersion.length).toBeGreaterThan(0);
        expect(adapter.batch.maxEvents).toBeGreaterThanOrEqual(1);
        if (adapter.authType !== 'none') expect(adapter.secretFields.length).toBeGreaterThan(0);
        expect(Object.keys(adapter.events.standard)).toContain('purchase');
      },
    },
    {
      name: 'accepts the documented credentials example',
      run: async () => {
        expect(() => parseWith(adapter.credentials, adapter.credentialsExample, 'credentials')).not.toThrow();
      },
    },
    {
      name: 'names each missing required credential field',
      run: async () => {
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
      },
    },
    {
      name: 'maps every canonical event or skips it with a reason',
      run: async () => {
        const events = CANONICAL_EVENTS.map((name, i) => sample(name, i + 1));
        const { results } = await run(events);
        expect(results).toHaveLength(events.length);
        results.forEach((result, i) => {
          expect(result.event).toBe(events[i]);
          if (result.outcome.status === 'skipped') expect(result.outcome.reason.length).toBeGreaterThan(5);
          else
            expect(
              result.outcome,
              `${CANONICAL_EVENTS[i]} → ${JSON.stringify(result.outcome)}`,
            ).toMatchObject({
              status: 'delivered',
            });
        });
        expect(results[0]!.outcome.status, 'purchase_completed must be delivered').toBe('delivered');
      },
    },
    {
      name: 'respects batch limits and gives one outcome per event, in order',
      run: async () => {
        const count = Math.min(adapter.batch.maxEvents * 2 + 1, 61);
        const events = Array.from({ length: count }, (_, i) => sample('purchase_completed', i + 1));
        const { results, attempts } = await run(events);
        expect(results.map((r) => r.event)).toEqual(events);
        for (const [i, r] of results.entries())
          expect(r.outcome, `event ${i}`).toMatchObject({ status: 'delivered' });
        const platformAttempts = attempts.filter((a) => !(adapter.auth && /token/i.test(a.url)));
        const carried = platformAttempts.flatMap((a) => a.eventIndexes).sort((a, b) => a - b);
        expect(carried).toEqual(events.map((_, i) => i));
        for (const attempt of platformAttempts) {
          expect(attempt.eventIndexes.length).toBeLessThanOrEqual(adapter.batch.maxEvents);
        }
      },
    },
    {
      name: 'keeps each request of a full batch under the byte limit',
      run: async () => {
        const count = Math.min(adapter.batch.maxEvents, 200);
        const events = Array.from({ length: count }, (_, i) =>
          fullPurchaseEvent({ ...extra, order_id: `FULL-${i}` }),
        );
        const { requests, results } = await run(events);
        for (const request of requests) {
          if (adapter.batch.maxBytes)
            expect(Buffer.byteLength(request.body ?? '')).toBeLessThanOrEqual(adapter.batch.maxBytes);
        }
        expect(
          results.every((r) => r.outcome.status !== 'rejected' || r.outcome.code !== 'adapter_error'),
        ).toBe(true);
      },
    },
    {
      name: 'retries 429 and 5xx (Retry-After kept) and socket errors',
      run: async () => {
        const { results: limited } = await run(
          [sample('purchase_completed')],
          platform(() => ({
            status: 429,
            headers: { 'retry-after': '120' },
            body: { error: 'rate limited' },
          })),
        );
        expect(limited[0]!.outcome).toMatchObject({ status: 'retryable', retryAfterMs: 120_000 });
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
      },
    },
    {
      name: 'gives an auth outcome for 401 and 403',
      run: async () => {
        for (const status of [401, 403]) {
          const { results } = await run(
            [sample('purchase_completed')],
            platform(() => ({ status, body: { error: { message: 'Invalid credentials' } } })),
          );
          expect(results[0]!.outcome.status, `HTTP ${status}`).toBe('auth');
        }
      },
    },
    {
      name: 'never puts secrets in outcomes, warnings or audits (as is, URL-encoded, base64 or hex)',
      run: async () => {
        const secrets = secretValues(credentials, adapter.secretFields).filter((s) => s.length >= 4);
        expect(secrets.length > 0 || adapter.authType === 'none').toBe(true);
        // The platform echoes the whole request back, the worst case for leaks.
        const echo = (r: RecordedRequest): MockReply => ({
          status: 400,
          body: { error: { message: `bad request ${r.url} ${JSON.stringify(r.headers)} ${r.body}` } },
        });
        const { results, attempts } = await run([full()], platform(echo));
        const { results: okResults, attempts: okAttempts } = await run([full()]);
        const text = JSON.stringify({
          results: [...results, ...okResults].map((r) => r.outcome),
          attempts,
          okAttempts,
        });
        for (const secret of secrets)
          for (const form of leakForms(secret)) expect(text, 'a secret leaked').not.toContain(form);
      },
    },
    {
      name: 'builds the same requests for the same input (pure, fixed clock)',
      run: async () => {
        const events = [full(), sample('purchase_completed', 2)];
        const first = await run(events);
        const second = await run(events);
        expect(first.requests.length).toBeGreaterThan(0);
        expect(second.requests.map((r) => [r.url, r.body])).toEqual(
          first.requests.map((r) => [r.url, r.body]),
        );
      },
    },
  ];
  if (adapter.errors) {
    const table = adapter.errors;
    checks.push({
      name: 'gives every row of its error table the row outcome',
      run: async () => {
        expect(table.rows.length).toBeGreaterThan(0);
        for (const [i, row] of table.rows.entries()) {
          const answer: MockReply = { status: row.example.status, body: row.example.body };
          if (row.example.headers) answer.headers = row.example.headers;
          const { results } = await run(
            [sample('purchase_completed')],
            platform(() => answer),
          );
          const outcome = results[0]!.outcome;
          const expected: Record<string, unknown> = { ...row.outcome };
          // A refresh row is sent once more with a new token, then asks a person.
          if (row.outcome.status === 'auth' && row.outcome.kind === 'refresh' && !adapter.auth)
            expected['kind'] = 'needs-attention';
          expect(outcome, `row ${i} (${row.reason})`).toMatchObject(expected);
          // A delivered row (an idempotent repeat) keeps its reason as a warning.
          const said =
            outcome.status === 'delivered'
              ? (outcome.warnings ?? []).join('; ')
              : (outcome as { reason?: string }).reason;
          expect(said, `row ${i} reason`).toContain(row.reason);
        }
      },
    });
  }
  return checks;
}

/**
 * The suite every adapter's tests call: `testAdapterConformance(adapter, {...})`, one test per
 * check of `conformanceChecks`.
 */
export function testAdapterConformance(adapter: AnyAdapter, conformance: ConformanceOptions = {}): void {
  describe(`${adapter.code} conformance`, () => {
    for (const check of conformanceChecks(adapter, conformance)) it(check.name, check.run);
  });
}
