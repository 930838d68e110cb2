import { randomBytes } from 'node:crypto';
import pRetry, { AbortError } from 'p-retry';
import {
  type AccessToken,
  type AnyAdapter,
  type AuthContext,
  type BuildContext,
  type HttpRequest,
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  toBuildResult,
} from './adapter';
import { bodyBytes, chunkByCount } from './chunk';
import { ConfigError, PlatformError, ValidationError } from './errors';
import { resolveEventName } from './event-map';
import { excerpt, outcomeFromNetworkError, parseRetryAfter, safeJson, sameOutcome } from './outcomes';
import { redactSecrets, secretValues } from './redact';
import type { RelayEvent } from './relay-event';
import { parseWith } from './validate';

/** Where access tokens live between calls; the default keeps them in memory. */
export interface TokenCache {
  get(key: string): AccessToken | undefined;
  set(key: string, token: AccessToken): void;
  delete(key: string): void;
}

export function memoryTokenCache(): TokenCache {
  const map = new Map<string, AccessToken>();
  return { get: (k) => map.get(k), set: (k, t) => void map.set(k, t), delete: (k) => void map.delete(k) };
}

const defaultTokenCache = memoryTokenCache();

export interface DeliverOptions {
  /** Raw credentials; validated against `adapter.credentials`. */
  credentials: unknown;
  /** Raw options; validated against `adapter.options`. */
  options?: unknown;
  /** Override of the platform base URL (sandbox, simulator). */
  baseUrl?: string | null;
  /** Override of the OAuth token endpoint (sandbox, simulator). */
  tokenUrl?: string | null;
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 15 000). */
  timeoutMs?: number;
  /** In-process retries of a whole request on transient failures (default 2; the worker passes 0). */
  retries?: number;
  /** First retry delay in ms (default 500), doubled each time. */
  minRetryDelayMs?: number;
  /** Longest Retry-After waited in process; longer waits come back as `retryable` (default 10 s). */
  maxInlineWaitMs?: number;
  now?: () => Date;
  defaultCountry?: string;
  tokenCache?: TokenCache;
  /** Cache key for the access token, e.g. the credential id (default: adapter code + credential hash). */
  tokenCacheKey?: string;
  nonce?: () => string;
  sleep?: (ms: number) => Promise<void>;
  /** Called after every HTTP attempt, with secrets removed. */
  onAttempt?: (attempt: AttemptRecord) => void;
}

export interface AttemptRecord {
  method: string;
  /** URL with secrets removed. */
  url: string;
  eventIndexes: number[];
  startedAt: Date;
  durationMs: number;
  status?: number;
  /** Response body excerpt or network error, secrets removed. */
  response: string;
  /** Request body excerpt, secrets removed. */
  requestBody: string;
}

export interface EventResult {
  event: RelayEvent;
  outcome: Outcome;
  /** Platform event name used (absent when the event was not sent). */
  platformEventName?: string;
  /** HTTP attempts that carried this event. */
  attempts: number;
}

export interface DeliveryReport {
  results: EventResult[];
  attempts: AttemptRecord[];
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class TooLarge extends Error {}

class RetryableAttempt extends Error {
  constructor(
    readonly outcomes: Outcome[],
    readonly retryAfterMs: number | undefined,
  ) {
    super('retryable');
  }
}

/**
 * Deliver events to one platform with one credential: map names, drop events outside the
 * platform's age window, chunk by the batch limits, build, send with timeout and retries,
 * parse. Returns one result per input event, in order. Never throws for platform failures;
 * throws `ValidationError` for bad credentials/options.
 */
export async function deliver(
  adapter: AnyAdapter,
  events: ReadonlyArray<RelayEvent>,
  opts: DeliverOptions,
): Promise<DeliveryReport> {
  const credentials = parseWith(adapter.credentials, opts.credentials, `${adapter.name} credentials`);
  const options = parseWith(adapter.options, opts.options ?? {}, `${adapter.name} options`) as {
    eventMap?: Record<string, string | null>;
  };
  const now = opts.now ?? (() => new Date());
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const sleep = opts.sleep ?? defaultSleep;
  const secrets = secretValues(credentials, adapter.secretFields);
  const redact = (text: string) => redactSecrets(text, secrets);

  const results: EventResult[] = events.map((event) => ({
    event,
    outcome: { status: 'skipped', reason: 'not processed' },
    attempts: 0,
  }));
  const attempts: AttemptRecord[] = [];

  // 1. Map names and apply the platform's event-age window.
  const sendable: Array<{ index: number; mapped: MappedEvent }> = [];
  const sentAt = now();
  events.forEach((event, index) => {
    if (
      adapter.maxEventAgeMs !== undefined &&
      sentAt.getTime() - event.occurredAt.getTime() > adapter.maxEventAgeMs
    ) {
      const days = adapter.maxEventAgeMs / 86_400_000;
      const window = Number.isInteger(days)
        ? `${days} days`
        : `${Math.round(adapter.maxEventAgeMs / 3_600_000)} hours`;
      results[index]!.outcome = {
        status: 'rejected',
        code: 'event_too_old',
        reason: `${adapter.name} accepts events up to ${window} old; this one happened at ${event.occurredAt.toISOString()}`,
      };
      return;
    }
    const name = resolveEventName(adapter.events, event.eventName, options.eventMap, adapter.name);
    if (!name.send) {
      results[index]!.outcome = { status: 'skipped', reason: name.reason };
      return;
    }
    results[index]!.platformEventName = name.name;
    sendable.push({ index, mapped: { event, name: name.name, custom: name.custom } });
  });
  if (sendable.length === 0) return { results, attempts };

  const baseUrl = (opts.baseUrl ?? adapter.baseUrl).replace(/\/+$/, '');
  const cache = opts.tokenCache ?? defaultTokenCache;
  const cacheKey = opts.tokenCacheKey ?? `${adapter.code}:${JSON.stringify(credentials)}`;
  const nonce = opts.nonce ?? (() => randomBytes(16).toString('hex'));

  const tokenFor = async (force: boolean): Promise<string | undefined> => {
    if (!adapter.auth) return undefined;
    const cached = force ? undefined : cache.get(cacheKey);
    if (cached && (cached.expiresAt ?? Number.POSITIVE_INFINITY) - 60_000 > now().getTime()) {
      return cached.accessToken;
    }
    const authCtx: AuthContext = { fetch: fetchImpl, now: now(), baseUrl };
    if (opts.tokenUrl) authCtx.tokenUrl = opts.tokenUrl;
    const token = await adapter.auth.getToken(credentials, authCtx);
    cache.set(cacheKey, {
      accessToken: token.accessToken,
      expiresAt: token.expiresAt ?? now().getTime() + 3_600_000,
    });
    secrets.push(token.accessToken);
    return token.accessToken;
  };

  const send = async (request: HttpRequest, eventIndexes: number[]): Promise<HttpResponse> => {
    const startedAt = now();
    const started = performance.now();
    const body = serialize(request);
    const record = (status: number | undefined, response: string) =>
      attempts.push(
        (() => {
          const attempt: AttemptRecord = {
            method: request.method,
            url: redact(request.url),
            eventIndexes,
            startedAt,
            durationMs: Math.round(performance.now() - started),
            response: redact(excerpt(response, 2000)),
            requestBody: redact(excerpt(typeof body === 'string' ? body : '', 2000)),
          };
          if (status !== undefined) attempt.status = status;
          opts.onAttempt?.(attempt);
          return attempt;
        })(),
      );
    try {
      const res = await fetchImpl(request.url, {
        method: request.method,
        headers: withContentType(request),
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      });
      const text = await res.text();
      record(res.status, text);
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k.toLowerCase()] = v;
      });
      return { status: res.status, headers, body: text, json: safeJson(text) };
    } catch (error) {
      record(undefined, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      throw error;
    }
  };

  // 2. Chunk, build, send, parse. A chunk whose body is over maxBytes is split in halves.
  /**
   * Send one chunk. `refresh` marks the second pass after an auth outcome: the token is
   * fetched anew and only the events that failed auth are sent again (never the delivered ones).
   */
  const processChunk = async (chunk: typeof sendable, refresh = false): Promise<void> => {
    const mapped = chunk.map((c) => c.mapped);
    const ctxFor = (accessToken: string | undefined): BuildContext<unknown, typeof options> => {
      const ctx: BuildContext<unknown, typeof options> = {
        credentials,
        options,
        baseUrl,
        now: sentAt,
        defaultCountry: opts.defaultCountry ?? 'US',
        nonce,
      };
      if (accessToken !== undefined) ctx.accessToken = accessToken;
      return ctx;
    };

    let token: string | undefined;
    try {
      if (refresh) cache.delete(cacheKey);
      token = await tokenFor(refresh);
    } catch (error) {
      const reason = redact(error instanceof Error ? error.message : String(error));
      // Events the adapter refuses whatever the token (no match key, too far in the future…) keep
      // that outcome: only the ones that would have been sent wait for a working credential.
      const refused = new Map<number, Outcome>();
      try {
        for (const r of toBuildResult(adapter.buildRequests(mapped, ctxFor(undefined))).outcomes ?? [])
          refused.set(r.index, r.outcome);
      } catch {
        // A build that needs the token: every event gets the auth outcome.
      }
      chunk.forEach((c, k) => {
        results[c.index]!.outcome = refused.has(k)
          ? redactOutcome(refused.get(k)!, redact)
          : { status: 'auth', kind: 'needs-attention', reason: `${adapter.name}: ${reason}` };
      });
      return;
    }

    const runChunk = async (accessToken: string | undefined): Promise<Outcome[]> => {
      const ctx = ctxFor(accessToken);
      const built = toBuildResult(adapter.buildRequests(mapped, ctx));
      const outcomes: Outcome[] = mapped.map(() => ({ status: 'skipped', reason: 'not in any request' }));
      for (const { index, outcome } of built.outcomes ?? []) outcomes[index] = outcome;
      const maxBytes = adapter.batch.maxBytes;
      const oversized = built.requests.find((r) => maxBytes !== undefined && bodyBytes(r.body) > maxBytes);
      if (oversized) {
        if (chunk.length > 1) throw new TooLarge();
        throw new PlatformError(
          `${adapter.name}: one event makes a ${bodyBytes(oversized.body)}-byte body, over the ${maxBytes}-byte limit`,
        );
      }
      for (const request of built.requests) {
        const requestEvents = request.eventIndexes.map((i) => mapped[i]!);
        let requestOutcomes: Outcome[];
        try {
          requestOutcomes = await pRetry(
            async () => {
              for (const i of request.eventIndexes) results[chunk[i]!.index]!.attempts += 1;
              let response: HttpResponse;
              try {
                response = await send(
                  request,
                  request.eventIndexes.map((i) => chunk[i]!.index),
                );
              } catch (error) {
                const outcome = outcomeFromNetworkError(error, adapter.name);
                throw new RetryableAttempt(sameOutcome(outcome, requestEvents.length), undefined);
              }
              // The platform's Retry-After wins for every retryable outcome, whatever the adapter's error table said.
              const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now());
              const parsed = adapter
                .parseResponse(response, requestEvents, { ...ctx, request })
                .map((o) =>
                  o.status === 'retryable' && o.retryAfterMs === undefined && retryAfterMs !== undefined
                    ? { ...o, retryAfterMs }
                    : o,
                );
              if (parsed.length !== requestEvents.length) {
                throw new AbortError(
                  new PlatformError(
                    `${adapter.name}: parseResponse gave ${parsed.length} outcomes for ${requestEvents.length} events`,
                  ),
                );
              }
              // Retry the whole request in process only when every event of it is retryable.
              if (parsed.every((o) => o.status === 'retryable')) {
                const wait = Math.max(
                  ...parsed.map((o) => (o.status === 'retryable' ? (o.retryAfterMs ?? 0) : 0)),
                  parseRetryAfter(response.headers['retry-after'], now()) ?? 0,
                );
                throw new RetryableAttempt(parsed, wait > 0 ? wait : undefined);
              }
              return parsed;
            },
            {
              retries: opts.retries ?? 2,
              minTimeout: opts.minRetryDelayMs ?? 500,
              factor: 2,
              randomize: true,
              shouldRetry: ({ error }) =>
                error instanceof RetryableAttempt &&
                (error.retryAfterMs ?? 0) <= (opts.maxInlineWaitMs ?? 10_000),
              onFailedAttempt: async ({ error, retriesLeft }) => {
                if (error instanceof RetryableAttempt && error.retryAfterMs && retriesLeft > 0) {
                  if (error.retryAfterMs <= (opts.maxInlineWaitMs ?? 10_000)) await sleep(error.retryAfterMs);
                }
              },
            },
          );
        } catch (error) {
          if (error instanceof RetryableAttempt) requestOutcomes = error.outcomes;
          else throw error;
        }
        request.eventIndexes.forEach((i, k) => {
          outcomes[i] = requestOutcomes[k]!;
        });
      }
      return outcomes;
    };

    let outcomes: Outcome[];
    try {
      outcomes = await runChunk(token);
    } catch (error) {
      if (error instanceof TooLarge) {
        const half = Math.ceil(chunk.length / 2);
        await processChunk(chunk.slice(0, half));
        await processChunk(chunk.slice(half));
        return;
      }
      if (ValidationError.isInstance(error) || ConfigError.isInstance(error)) throw error;
      const reason = redact(error instanceof Error ? error.message : String(error));
      outcomes = sameOutcome({ status: 'rejected', code: 'adapter_error', reason }, chunk.length);
    }
    chunk.forEach((c, k) => {
      const outcome = outcomes[k]!;
      results[c.index]!.outcome = redactOutcome(adapter.auth ? outcome : noRefreshFlow(outcome), redact);
    });
    if (adapter.auth && !refresh) {
      const unauthorized = chunk.filter((_, k) => {
        const o = outcomes[k]!;
        return o.status === 'auth' && o.kind === 'refresh';
      });
      if (unauthorized.length > 0) await processChunk(unauthorized, true);
    }
  };
  for (const chunk of chunkByCount(sendable, adapter.batch.maxEvents)) await processChunk(chunk);
  return { results, attempts };
}

/**
 * A platform without a token flow (static API key or token) cannot refresh anything: its 401 asks
 * a person to replace the credential.
 */
function noRefreshFlow(outcome: Outcome): Outcome {
  if (outcome.status !== 'auth' || outcome.kind !== 'refresh') return outcome;
  return {
    status: 'auth',
    kind: 'needs-attention',
    reason: `${outcome.reason} (this credential has no refresh flow: replace it)`,
  };
}

function redactOutcome(outcome: Outcome, redact: (s: string) => string): Outcome {
  if ('reason' in outcome) return { ...outcome, reason: redact(outcome.reason) };
  if (outcome.status === 'delivered' && outcome.warnings)
    return { ...outcome, warnings: outcome.warnings.map(redact) };
  return outcome;
}

const CONTENT_TYPES = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  raw: 'text/plain',
} as const;

/** The request's headers, with a Content-Type matching its encoding unless the adapter set one. */
export function withContentType(request: HttpRequest): Record<string, string> {
  if (request.body === undefined) return request.headers;
  const has = Object.keys(request.headers).some((h) => h.toLowerCase() === 'content-type');
  return has
    ? request.headers
    : { ...request.headers, 'content-type': CONTENT_TYPES[request.encoding ?? 'json'] };
}

/** Serialize a request body as it goes on the wire. */
export function serialize(request: HttpRequest): string | undefined {
  if (request.body === undefined) return undefined;
  switch (request.encoding ?? 'json') {
    case 'raw':
      return String(request.body);
    case 'form':
      return new URLSearchParams(
        Object.entries(request.body as Record<string, unknown>).map(([k, v]): [string, string] => [
          k,
          typeof v === 'string' ? v : JSON.stringify(v),
        ]),
      ).toString();
    default:
      return JSON.stringify(request.body);
  }
}
