import { randomBytes } from 'node:crypto';
import type { AccessToken, AnyAdapter, BuildContext, MappedEvent, Outcome } from '../adapter';
import { redactSecrets, secretValues } from '../redact';
import type { DeliveryPolicy, PrivacyRecord } from '../privacy/deliver-policy';
import type { RelayEvent } from '../relay-event';
import { parseWith } from '../validate';

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
  /** Override of the platform base URL (sandbox, simulator). Never moves the token endpoint. */
  baseUrl?: string | null;
  /** Override of the OAuth token endpoint (a credential's own `token_url`: sandbox, simulator). */
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
  /**
   * A privacy policy (health mode, consent; docs/privacy.md), applied as the first stage: events
   * it suppresses are never built, the others are built from the rewritten event.
   */
  policy?: DeliveryPolicy;
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
  /** What the privacy policy did to the event (present when `DeliverOptions.policy` was given). */
  privacy?: PrivacyRecord;
}

export interface DeliveryReport {
  results: EventResult[];
  attempts: AttemptRecord[];
  /**
   * Requests sent only to isolate the bad events of an all-or-nothing request the platform
   * refused (halves, singles, and re-sends of the events it did not name). 0 when none.
   */
  isolationRequests: number;
}

/** An event on its way through the stages: its position in the input and the event itself. */
export interface PendingEvent {
  index: number;
  event: RelayEvent;
}

/** An event with its platform name, ready to be checked, chunked and sent. */
export interface SendableEvent extends PendingEvent {
  mapped: MappedEvent;
}

/** An event a stage settled (skipped, refused) so later stages never see it. */
export interface Settled {
  index: number;
  outcome: Outcome;
}

type Options = Record<string, unknown> & { eventMap?: Record<string, string | null> };

/** Everything one `deliver()` call shares between its stages. */
export interface DeliveryRun {
  adapter: AnyAdapter;
  credentials: unknown;
  options: Options;
  opts: DeliverOptions;
  now: () => Date;
  /** The send time every stage uses (age windows, `BuildContext.now`). */
  sentAt: Date;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Secret values to redact; access tokens are added as they are fetched. */
  secrets: string[];
  redact: (text: string) => string;
  /** The platform's base URL (the credential's override, else the adapter's), without a trailing `/`. */
  baseUrl: string;
  tokenCache: TokenCache;
  tokenCacheKey: string;
  nonce: () => string;
  results: EventResult[];
  attempts: AttemptRecord[];
  /** Above 0 while requests are sent only to isolate bad events; each such request is counted. */
  isolating: number;
  isolationRequests: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Validate credentials and options and set up the shared state of one delivery. */
export function startRun(
  adapter: AnyAdapter,
  events: ReadonlyArray<RelayEvent>,
  opts: DeliverOptions,
): DeliveryRun {
  const credentials = parseWith(adapter.credentials, opts.credentials, `${adapter.name} credentials`);
  const options = parseWith(adapter.options, opts.options ?? {}, `${adapter.name} options`) as Options;
  const now = opts.now ?? (() => new Date());
  const secrets = secretValues(credentials, adapter.secretFields);
  return {
    adapter,
    credentials,
    options,
    opts,
    now,
    sentAt: now(),
    fetch: opts.fetch ?? globalThis.fetch,
    sleep: opts.sleep ?? defaultSleep,
    secrets,
    redact: (text) => redactSecrets(text, secrets),
    baseUrl: (opts.baseUrl ?? adapter.baseUrl).replace(/\/+$/, ''),
    tokenCache: opts.tokenCache ?? defaultTokenCache,
    tokenCacheKey: opts.tokenCacheKey ?? `${adapter.code}:${JSON.stringify(credentials)}`,
    nonce: opts.nonce ?? (() => randomBytes(16).toString('hex')),
    results: events.map((event) => ({
      event,
      outcome: { status: 'skipped', reason: 'not processed' },
      attempts: 0,
    })),
    attempts: [],
    isolating: 0,
    isolationRequests: 0,
  };
}

/** The context `buildRequests` and `parseResponse` get (`check` gets it without token and nonce). */
export function buildContext(run: DeliveryRun, accessToken?: string): BuildContext<unknown, Options> {
  const ctx: BuildContext<unknown, Options> = {
    credentials: run.credentials,
    options: run.options,
    baseUrl: run.baseUrl,
    now: run.sentAt,
    defaultCountry: run.opts.defaultCountry ?? 'US',
    nonce: run.nonce,
  };
  if (accessToken !== undefined) ctx.accessToken = accessToken;
  return ctx;
}

/**
 * Record what a stage settled and hand on the rest: an item with an `outcome` is final for its
 * event (written to the results), any other goes on to the next stage.
 */
export function settle<T extends PendingEvent>(run: DeliveryRun, items: ReadonlyArray<T | Settled>): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if ('outcome' in item) {
      const result = run.results[item.index]!;
      result.outcome = item.outcome;
      // A name is reported only for events that were sent.
      delete result.platformEventName;
    } else kept.push(item);
  }
  return kept;
}
