import { z } from 'zod';
import type { ErrorTable } from './error-table';
import type { StandardEventKind } from './events';
import type { RelayEvent } from './relay-event';

/**
 * The adapter spec, version 1. Metadata is data; behaviour is two pure functions
 * (`buildRequests`, `parseResponse`) and an optional `auth` that may call `ctx.fetch`.
 * Retries, Retry-After, chunking, event mapping, event-age windows and token caching live
 * in core (`deliver`), never in adapters.
 */

export type AdapterTier = 1 | 2 | 3;

export type AdapterCategory =
  | 'advertising'
  | 'analytics'
  | 'attribution'
  | 'marketing'
  | 'cdp'
  | 'affiliate'
  | 'tag_manager';

export type AuthType = 'api_key' | 'bearer' | 'oauth2' | 'oauth1' | 'basic' | 'none';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** One HTTP request an adapter wants sent, for the events at `eventIndexes`. */
export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** JSON value (`encoding: 'json'`, default), a string (`raw`), or a flat record (`form`). */
  body?: unknown;
  encoding?: 'json' | 'form' | 'raw';
  /** Indexes into the `events` array passed to `buildRequests`. Every event appears in exactly one request. */
  eventIndexes: number[];
  /**
   * Whether the platform takes or refuses this request as a whole, when it differs from the
   * adapter's `batch.atomic`: an adapter with two APIs, one all-or-nothing and one answering
   * per event (google_ads: Data Manager fails fast, the Ads API reports partial failures).
   */
  atomic?: boolean;
}

/** What came back; headers have lower-case names. `json` is the parsed body when it is JSON. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  json: unknown;
}

export type Outcome =
  | { status: 'delivered'; warnings?: string[] }
  | {
      status: 'retryable';
      reason: string;
      retryAfterMs?: number;
      /**
       * The platform refused this event only because another event of the same all-or-nothing
       * request was invalid: core sends it again at once, without the bad ones (`batch.atomic`).
       */
      collateral?: true;
    }
  | { status: 'rejected'; code: string; reason: string }
  | { status: 'auth'; kind: 'refresh' | 'needs-attention'; reason: string }
  | { status: 'skipped'; reason: string }
  /** A privacy policy kept the event from this destination (reason starts with `privacy:`); never alerted on or replayed. */
  | { status: 'suppressed'; reason: string };

export type OutcomeStatus = Outcome['status'];

/** An event as an adapter receives it: the canonical event plus its platform event name. */
export interface MappedEvent {
  event: RelayEvent;
  /** The platform's event name after the default map and the credential's overrides. */
  name: string;
  /** True when `name` is not one of the platform's standard events. */
  custom: boolean;
}

export interface BuildContext<C, O> {
  credentials: C;
  options: O;
  /** Platform API base URL: the credential's `base_url` override, else the adapter's default. */
  baseUrl: string;
  /** The send time (events keep their own `occurredAt`). */
  now: Date;
  /** Access token from `auth`, when the adapter declares one. */
  accessToken?: string;
  /** Default country for phone numbers without a country code (ISO alpha-2). */
  defaultCountry: string;
  /** Random nonce source (OAuth 1.0a); deterministic in tests. */
  nonce: () => string;
}

/** What `check` sees: the build context without a token (it runs before authorising). */
export type CheckContext<C, O> = Omit<BuildContext<C, O>, 'accessToken' | 'nonce'>;

/** Why `check` keeps an event from being sent: rejected (with a code) or skipped. */
export type Refusal = Extract<Outcome, { status: 'rejected' }> | Extract<Outcome, { status: 'skipped' }>;

export interface ParseContext<C, O> extends BuildContext<C, O> {
  request: HttpRequest;
}

/** Events that a build could not turn into a request, with their outcome. */
export interface BuildResult {
  requests: HttpRequest[];
  outcomes?: Array<{ index: number; outcome: Outcome }>;
}

export interface AccessToken {
  accessToken: string;
  /** Epoch milliseconds; unknown expiry is treated as one hour. */
  expiresAt?: number;
}

export interface AuthContext {
  fetch: typeof fetch;
  now: Date;
  baseUrl: string;
  /** Override of the platform's token endpoint (a sandbox or the simulator); `requestOAuthToken` honours it. */
  tokenUrl?: string;
}

export interface AdapterAuth<C> {
  /** Fetch a fresh access token (OAuth refresh-token or client-credentials flow). */
  getToken(credentials: C, ctx: AuthContext): Promise<AccessToken>;
}

export interface EventMapping {
  /** Platform standard event name for each canonical kind it supports. */
  standard: Partial<Record<Exclude<StandardEventKind, 'custom'>, string>>;
  /** What happens to events without a standard mapping: sent under their own name, or skipped. */
  custom: 'pass-through' | 'skip';
  /** Why custom events are skipped (shown as the skip reason). */
  customSkipReason?: string;
  /** Turn an OMS name into a valid custom event name for the platform. */
  customName?: (eventName: string) => string;
}

export interface BatchLimits {
  /** Most events in one request. */
  maxEvents: number;
  /** Most bytes of serialized body in one request. */
  maxBytes?: number;
  /**
   * The platform accepts or refuses a request as a whole: one invalid event refuses all of
   * them (Meta CAPI, LinkedIn BATCH_CREATE). When such a request is rejected, core isolates the
   * bad events (the ones the answer names, else by halving) and sends the others again. A
   * request's own `atomic` overrides it for that request.
   */
  atomic?: boolean;
}

/**
 * Whether the platform drops a repeat of an event it already took. Relay delivers at least once:
 * an event whose request went unanswered (a timeout, a worker killed mid-request) is sent again,
 * and counts twice unless the platform deduplicates it. Shown in docs/platforms.md ("Deduplicates
 * on"); every adapter states it, from the vendor's docs, never guessed.
 */
export type Deduplication =
  | {
      /** The field(s) the platform deduplicates on, and what Relay sends there: "`event_id` + `event_name` (Relay's event id)". */
      key: string;
      /** How long the platform remembers a key ("48 h"); absent when the vendor does not say. */
      window?: string;
      /** Where the vendor documents it (page or spec). */
      source: string;
    }
  /** The vendor documents that it does not deduplicate (or counts every copy). */
  | 'none'
  /** The vendor documents no deduplication either way: treat a re-send as counted twice. */
  | 'not documented';

export interface RateLimit {
  /** Sustained requests per second per credential. */
  requestsPerSecond?: number;
  /** Requests in flight at once per credential. */
  concurrency?: number;
}

/** Options every adapter accepts; adapters extend this schema. */
export const baseOptionsSchema = z.strictObject({
  /** Per-credential event-name overrides: OMS name → platform name, or `null` to not send it. */
  eventMap: z.record(z.string(), z.string().min(1).nullable()).optional(),
});

export type BaseOptions = z.output<typeof baseOptionsSchema>;

export interface AdapterDefinition<C, O extends BaseOptions> {
  code: string;
  name: string;
  tier: AdapterTier;
  category: AdapterCategory;
  authType: AuthType;
  docsUrl: string;
  apiVersion: string;
  /** Default API base URL (a credential's `base_url` overrides it, e.g. for a sandbox or the simulator). */
  baseUrl: string;
  description?: string;
  credentials: z.ZodType<C>;
  options?: z.ZodType<O>;
  /** A documented, valid credentials object (fake values) for docs and the conformance kit. */
  credentialsExample: Record<string, unknown>;
  /** Credential fields whose values are secrets: redacted from logs, errors and audits. */
  secretFields: ReadonlyArray<string>;
  batch: BatchLimits;
  rateLimit?: RateLimit;
  /** Whether a re-sent event counts twice on the platform (see `Deduplication`). */
  deduplication?: Deduplication;
  events: EventMapping;
  /** Oldest event the platform accepts, in ms; older events are rejected without sending. */
  maxEventAgeMs?: number;
  /**
   * How long before `maxEventAgeMs` ends core already refuses an event, so clock skew or a slow
   * request never meets the platform's own "too old" answer (default and minimum: one hour).
   */
  eventAgeMarginMs?: number;
  auth?: AdapterAuth<C>;
  /**
   * Refuse one event before any request is built: the platform would reject it (no match key, a
   * purchase without value…). Core keeps the indexes; refused events never share a request
   * with valid ones. `undefined` sends the event.
   */
  check?(mapped: MappedEvent, ctx: CheckContext<C, O>): Refusal | undefined;
  buildRequests(events: MappedEvent[], ctx: BuildContext<C, O>): HttpRequest[] | BuildResult;
  /**
   * One outcome per event of `ctx.request.eventIndexes`, in order, or one `Outcome` for the
   * whole request (core gives it to every event, and may isolate bad events on `batch.atomic`
   * platforms when it is `rejected`).
   */
  parseResponse(response: HttpResponse, events: MappedEvent[], ctx: ParseContext<C, O>): Outcome | Outcome[];
  /** The platform's error answers as data (read by `outcomeFromErrorTable`, walked by the conformance kit). */
  errors?: ErrorTable;
}

export interface Adapter<C = unknown, O extends BaseOptions = BaseOptions> extends AdapterDefinition<C, O> {
  readonly specVersion: 'v1';
  options: z.ZodType<O>;
}

/** Any adapter, whatever its credential and option types. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds adapters of every credential type
export type AnyAdapter = Adapter<any, any>;

const CODE = /^[a-z0-9_]+$/;

/** Declare an adapter. Validates the metadata once, at import time. */
export function defineAdapter<C, O extends BaseOptions = BaseOptions>(
  definition: AdapterDefinition<C, O>,
): Adapter<C, O> {
  if (!CODE.test(definition.code)) {
    throw new TypeError(`Adapter code '${definition.code}' must match ${CODE}`);
  }
  if (!(definition.batch.maxEvents >= 1)) {
    throw new TypeError(`Adapter '${definition.code}': batch.maxEvents must be at least 1`);
  }
  if (definition.eventAgeMarginMs !== undefined && !(definition.eventAgeMarginMs >= 3_600_000)) {
    throw new TypeError(`Adapter '${definition.code}': eventAgeMarginMs must be at least one hour`);
  }
  return Object.freeze({
    ...definition,
    options: definition.options ?? (baseOptionsSchema as unknown as z.ZodType<O>),
    specVersion: 'v1' as const,
  });
}

/** Normalise the two shapes `buildRequests` may return. */
export function toBuildResult(output: HttpRequest[] | BuildResult): BuildResult {
  return Array.isArray(output) ? { requests: output } : output;
}
