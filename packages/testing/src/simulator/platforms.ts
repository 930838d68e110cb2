/**
 * How each platform answers: its routes (method + path after the platform prefix), its
 * success body, its error body for a status, and, where the platform reports per-event
 * failures inside a 2xx, its partial-failure body. Shapes follow the platforms' docs
 * (cited in each adapter's README); values are fake.
 */

/** What a route handler sees of a request. */
export interface SimulatedRequestView {
  method: string;
  /** Path after the platform prefix, with a leading `/` (`/v25.0/123/events`). */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  json: unknown;
  /** Sequence number of this request in the simulator, from 1 (for trace ids). */
  seq: number;
}

/** A reply before it is written. `body` objects are sent as JSON; `undefined` sends nothing. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface PartialFailure {
  /** Indexes (in the request's event array) that failed. */
  indexes: number[];
  message: string;
}

export interface Route {
  method: string;
  pattern: RegExp;
  success: (request: SimulatedRequestView) => Reply;
}

export interface PlatformBehaviour {
  /** Human-readable name for logs. */
  name: string;
  routes: Route[];
  /** The platform's error body (and headers) for an error status. */
  error: (status: number, message: string, request: SimulatedRequestView) => Reply;
  /** The platform's 2xx body when some events of the batch failed. */
  partial?: (request: SimulatedRequestView, failure: PartialFailure) => Reply;
  /**
   * How an all-or-nothing platform refuses a whole request because some of its events broke a
   * rule, in its own shape (naming the events where the real platform does). Default: its error
   * body for 400 with the first message.
   */
  refuseAll?: (request: SimulatedRequestView, failures: EventFailure[]) => Reply;
}

/** One event of a request that broke a simulated rule. */
export interface EventFailure {
  /** Position in the request's event array. */
  index: number;
  message: string;
}

/** The events array of a request body: `data`, `events`, `conversions`, `elements`, `OfflineConversions`, `data.events`. */
export function eventsOf(json: unknown): unknown[] | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const body = json as Record<string, unknown>;
  for (const key of ['data', 'events', 'conversions', 'elements', 'OfflineConversions']) {
    const value = body[key];
    if (Array.isArray(value)) return value;
  }
  const nested = body['data'];
  if (typeof nested === 'object' && nested !== null && Array.isArray((nested as { events?: unknown }).events))
    return (nested as { events: unknown[] }).events;
  return undefined;
}

/** Events in a request body (see `eventsOf`), or 1. */
export function eventCount(json: unknown): number {
  return eventsOf(json)?.length ?? 1;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const traceId = (seq: number) => `SIM${String(seq).padStart(8, '0')}`;

/** Google's JSON error envelope (`{error:{code,message,status}}`), shared by Google APIs. */
const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};
const googleError = (status: number, message: string): Reply => ({
  status,
  body: { error: { code: status, message, status: GOOGLE_STATUS[status] ?? 'UNKNOWN' } },
});

/** Meta Graph API error codes per HTTP status (190 expired token, 4 app rate limit, 2 transient). */
const META_CODES: Record<number, { type: string; code: number; subcode?: number }> = {
  400: { type: 'OAuthException', code: 100, subcode: 2804016 },
  401: { type: 'OAuthException', code: 190, subcode: 463 },
  403: { type: 'OAuthException', code: 200 },
  429: { type: 'OAuthException', code: 4 },
};

const PINTEREST_CODES: Record<number, number> = { 400: 4196, 401: 2, 403: 29, 429: 8, 503: 4197 };
const TIKTOK_CODES: Record<number, number> = { 400: 40002, 401: 40001, 403: 40001, 429: 40100 };

/** OAuth token answer shared by every platform's token route. */
export const TOKEN_REPLY: Reply = {
  status: 200,
  body: { access_token: 'sim-access-token', expires_in: 3600, token_type: 'Bearer' },
};

/** Token endpoints under any platform prefix (`/token`, `/oauth2/v4/token`, `/oauth/v2/accessToken`…). */
export const TOKEN_PATH = /(^|\/)(token|accessToken|access_token)$/i;

const ga4Like = (name: string): PlatformBehaviour => ({
  name,
  routes: [
    { method: 'POST', pattern: /^\/mp\/collect$/, success: () => ({ status: 204 }) },
    {
      method: 'POST',
      pattern: /^\/debug\/mp\/collect$/,
      success: () => ({ status: 200, body: { validationMessages: [] } }),
    },
  ],
  error: (status, message) => ({ status, headers: { 'content-type': 'text/plain' }, body: message }),
});

export const PLATFORMS: Readonly<Record<string, PlatformBehaviour>> = {
  meta_capi: {
    name: 'Meta Conversions API',
    routes: [
      {
        method: 'POST',
        pattern: /^\/v\d+\.\d+\/[^/]+\/events$/,
        success: (r) => ({
          status: 200,
          body: { events_received: eventCount(r.json), messages: [], fbtrace_id: traceId(r.seq) },
        }),
      },
    ],
    error: (status, message, r) => {
      const code = META_CODES[status] ?? { type: 'OAuthException', code: status >= 500 ? 2 : 1 };
      const error: Record<string, unknown> = { message, type: code.type, code: code.code };
      if (code.subcode !== undefined) error['error_subcode'] = code.subcode;
      error['fbtrace_id'] = traceId(r.seq);
      return { status, body: { error } };
    },
    // "If any event you send in a batch is invalid, we reject the entire batch", naming no event.
    refuseAll: (r, failures) => ({
      status: 400,
      body: {
        error: {
          message: 'Invalid parameter',
          type: 'OAuthException',
          code: 100,
          error_subcode: 2804050,
          error_user_msg: failures[0]!.message,
          fbtrace_id: traceId(r.seq),
        },
      },
    }),
  },
  ga4: ga4Like('GA4 Measurement Protocol'),
  sgtm: {
    ...ga4Like('Server-side GTM'),
    routes: [
      ...ga4Like('Server-side GTM').routes,
      // A custom client claims any other path and answers 200.
      { method: 'POST', pattern: /^\/.*/, success: () => ({ status: 200, body: {} }) },
    ],
  },
  tiktok_events: {
    name: 'TikTok Events API',
    routes: [
      {
        method: 'POST',
        pattern: /^\/open_api\/v\d+\.\d+\/(event\/track|pixel\/track|pixel\/batch)\/?$/,
        success: (r) => ({
          status: 200,
          body: { code: 0, message: 'OK', request_id: traceId(r.seq), data: {} },
        }),
      },
    ],
    error: (status, message, r) => ({
      status,
      body: { code: TIKTOK_CODES[status] ?? 50000, message, request_id: traceId(r.seq), data: {} },
    }),
    partial: (r, failure) => ({
      status: 200,
      body: {
        code: 20001,
        message: `Partial success: ${failure.message}`,
        request_id: traceId(r.seq),
        data: { failed_events: failure.indexes.map((index) => ({ index, message: failure.message })) },
      },
    }),
  },
  snapchat_capi: {
    name: 'Snapchat Conversions API',
    routes: [
      {
        method: 'POST',
        pattern: /^\/(v3\/[^/]+\/events(\/validate)?|events)$/,
        success: () => ({ status: 200, body: { status: 'VALID', reason: '' } }),
      },
    ],
    error: (status, message) => ({
      status,
      body: {
        status: 'INVALID',
        reason: message,
        errors: { codes: [String(status)], error_msgs: [message] },
      },
    }),
  },
  pinterest_capi: {
    name: 'Pinterest Conversions API',
    routes: [
      {
        method: 'POST',
        pattern: /^\/v5\/ad_accounts\/[^/]+\/events$/,
        success: (r) => {
          const n = eventCount(r.json);
          return {
            status: 200,
            body: {
              num_events_received: n,
              num_events_processed: n,
              events: range(n).map(() => ({
                status: 'processed',
                error_message: null,
                warning_message: null,
              })),
            },
          };
        },
      },
    ],
    error: (status, message) => ({
      status,
      body: { code: PINTEREST_CODES[status] ?? status, message },
    }),
    partial: (r, failure) => {
      const n = eventCount(r.json);
      const failed = new Set(failure.indexes);
      return {
        status: 200,
        body: {
          num_events_received: n,
          num_events_processed: n - failed.size,
          events: range(n).map((i) =>
            failed.has(i)
              ? { status: 'failed', error_message: failure.message, warning_message: null }
              : { status: 'processed', error_message: null, warning_message: null },
          ),
        },
      };
    },
  },
  google_ads: {
    name: 'Google Ads',
    routes: [
      {
        method: 'POST',
        pattern: /^\/v\d+\/customers\/\d+:upload(Click|Call)Conversions$/,
        success: (r) => ({
          status: 200,
          body: { results: range(eventCount(r.json)).map(() => ({})), jobId: r.seq },
        }),
      },
      {
        method: 'POST',
        pattern: /^\/v1\/events:ingest$/,
        success: (r) => ({ status: 200, body: { requestId: `sim-request-${r.seq}` } }),
      },
    ],
    error: googleError,
    partial: (r, failure) => ({
      status: 200,
      body: {
        partialFailureError: {
          code: 3,
          message: failure.indexes.map((i) => `${failure.message}, at conversions[${i}]`).join('; '),
          details: [
            {
              '@type': 'type.googleapis.com/google.ads.googleads.v23.errors.GoogleAdsFailure',
              errors: failure.indexes.map((index) => ({
                errorCode: { conversionUploadError: 'CLICK_NOT_FOUND' },
                message: failure.message,
                location: { fieldPathElements: [{ fieldName: 'conversions', index }] },
              })),
            },
          ],
        },
        results: range(eventCount(r.json)).map((i) =>
          failure.indexes.includes(i) ? {} : { orderId: `row-${i}` },
        ),
        jobId: r.seq,
      },
    }),
  },
  linkedin_capi: {
    name: 'LinkedIn Conversions API',
    routes: [
      {
        method: 'POST',
        pattern: /^\/rest\/conversionEvents$/,
        success: (r) =>
          r.headers['x-restli-method']?.toUpperCase() === 'BATCH_CREATE'
            ? { status: 200, body: { elements: range(eventCount(r.json)).map(() => ({ status: 201 })) } }
            : { status: 201, headers: { 'x-restli-id': `sim-${r.seq}` } },
      },
    ],
    error: (status, message) => ({
      status,
      body: { status, serviceErrorCode: status === 401 ? 65600 : 100, code: 'SIMULATED', message },
    }),
    // BATCH_CREATE fails as a whole with 422 naming each bad element as `Index: N, ERROR :: …`.
    refuseAll: (_r, failures) => ({
      status: 422,
      body: {
        status: 422,
        message: failures.map((f) => `Index: ${f.index}, ERROR :: ${f.message}\n`).join(''),
      },
    }),
  },
  reddit_capi: {
    name: 'Reddit Conversions API',
    routes: [
      {
        method: 'POST',
        pattern: /^\/api\/v3\/pixels\/[^/]+\/conversion_events$/,
        success: (r) => ({
          status: 200,
          body: { data: { message: `Successfully processed ${eventCount(r.json)} conversion events.` } },
        }),
      },
    ],
    error: (status, message) => ({ status, body: { error: { code: status, message } } }),
    // "There were N invalid conversion events. None were processed.", with a field path per bad event.
    refuseAll: (_r, failures) => ({
      status: 400,
      body: {
        error: {
          code: 400,
          message: `There were ${failures.length} invalid conversion events. None were processed.`,
          fields: failures.map((f) => ({ field: `$.data.events[${f.index}]`, message: f.message })),
        },
      },
    }),
  },
  twitter_capi: {
    name: 'X Conversions API',
    routes: [
      {
        method: 'POST',
        pattern: /^\/\d+\/measurement\/conversions\/[^/]+$/,
        success: (r) => ({
          status: 200,
          body: {
            data: { conversions_processed: eventCount(r.json), debug_id: traceId(r.seq) },
            request: { params: {} },
          },
        }),
      },
    ],
    error: (status, message) => ({
      status,
      body: {
        errors: [{ code: status === 401 ? 'UNAUTHORIZED_ACCESS' : 'INVALID_PARAMETER', message }],
        request: { params: {} },
      },
    }),
  },
  microsoft_ads: {
    name: 'Microsoft Advertising',
    routes: [
      {
        method: 'POST',
        pattern: /^\/v1\/[^/]+\/events$/,
        success: (r) => ({
          status: 200,
          body: { eventsReceived: eventCount(r.json), traceId: traceId(r.seq) },
        }),
      },
      {
        method: 'POST',
        pattern: /^\/CampaignManagement\/v13\/OfflineConversions\/Apply$/,
        success: () => ({ status: 200, body: { PartialErrors: [] } }),
      },
    ],
    error: (status, message, r) => ({
      status,
      body: {
        eventsReceived: 0,
        error: { code: String(status), message, details: [] },
        traceId: traceId(r.seq),
      },
    }),
    partial: (r, failure) => ({
      status: 200,
      body: {
        eventsReceived: eventCount(r.json) - failure.indexes.length,
        error: {
          code: 'InvalidEvents',
          message: failure.message,
          details: failure.indexes.map((index) => ({ index, errorMessage: failure.message })),
        },
        traceId: traceId(r.seq),
      },
    }),
  },
};

/** Any platform without its own entry: any method and path, 200 `{"status":"ok"}`. */
export const GENERIC_PLATFORM: PlatformBehaviour = {
  name: 'generic platform',
  routes: [{ method: '*', pattern: /^\/.*/, success: () => ({ status: 200, body: { status: 'ok' } }) }],
  error: (status, message) => ({ status, body: { error: { code: status, message } } }),
};

export function behaviourOf(platform: string): PlatformBehaviour {
  return PLATFORMS[platform] ?? GENERIC_PLATFORM;
}
