import {
  type AdapterDefinition,
  type BaseOptions,
  type BuildContext,
  type ErrorTable,
  type HttpRequest,
  type HttpResponse,
  type MappedEvent,
  type Outcome,
  baseOptionsSchema,
  defineAdapter,
  hashEmail,
  outcomeFromErrorTable,
  outcomeFromStatus,
  toBuildResult,
} from '@relay/core';
import { z } from 'zod';

type Creds = { api_key: string; account_id: string };

/** Kit Example's error body `{error: {code, message}}`. */
export const kitErrors: ErrorTable = {
  read: (r: HttpResponse) => {
    const error = (r.json as { error?: { code?: string; message?: string } } | undefined)?.error;
    return error?.code ? { code: error.code, message: error.message ?? 'no message' } : undefined;
  },
  rows: [
    {
      code: 'SLOW_DOWN',
      outcome: { status: 'retryable' },
      reason: 'is throttling',
      example: { status: 400, body: { error: { code: 'SLOW_DOWN', message: 'too many events' } } },
    },
    {
      code: 'BAD_ACCOUNT',
      outcome: { status: 'auth', kind: 'needs-attention' },
      reason: 'does not know this account',
      example: { status: 400, body: { error: { code: 'BAD_ACCOUNT', message: 'no such account' } } },
    },
  ],
};

/** A minimal, well-behaved adapter: the kit passes it. Each broken variant below breaks one rule. */
export function kitAdapter(overrides: Partial<AdapterDefinition<Creds, BaseOptions>> = {}) {
  return defineAdapter<Creds>({
    code: 'kit_example',
    name: 'Kit Example',
    tier: 3,
    category: 'analytics',
    authType: 'api_key',
    docsUrl: 'https://example.com/docs',
    apiVersion: '1',
    baseUrl: 'https://api.example.com',
    credentials: z.strictObject({ api_key: z.string().min(8), account_id: z.string().min(1) }),
    options: baseOptionsSchema,
    credentialsExample: { api_key: 'secret-key-123456', account_id: 'acct_1' },
    secretFields: ['api_key'],
    batch: { maxEvents: 5, maxBytes: 100_000 },
    events: { standard: { purchase: 'Purchase', lead: 'Lead' }, custom: 'skip' },
    errors: kitErrors,
    buildRequests: (events, ctx) => [
      {
        method: 'POST' as const,
        url: `${ctx.baseUrl}/v1/accounts/${ctx.credentials.account_id}/events`,
        headers: { authorization: `Bearer ${ctx.credentials.api_key}` },
        body: {
          events: events.map((e) => ({
            name: e.name,
            em: hashEmail(e.event.user.email),
            id: e.event.dedupKey,
          })),
        },
        eventIndexes: events.map((_, i) => i),
      },
    ],
    parseResponse: (response) => outcomeFromErrorTable(kitErrors, response, 'Kit Example'),
    ...overrides,
  });
}

const good = kitAdapter();

/** The well-behaved adapter's requests, for the variants that break one thing in them. */
const builtByGood = (events: MappedEvent[], ctx: BuildContext<Creds, BaseOptions>): HttpRequest[] =>
  toBuildResult(good.buildRequests(events, ctx)).requests;

/** Broken adapters, each with the kit check it must fail. */
export const BROKEN: Array<{ why: string; check: string; adapter: ReturnType<typeof kitAdapter> }> = [
  {
    why: 'leaks its API key hex-encoded in the body, which core cannot recognise to redact',
    check: 'never puts secrets in outcomes, warnings or audits (as is, URL-encoded, base64 or hex)',
    adapter: kitAdapter({
      buildRequests: (events, ctx) =>
        builtByGood(events, ctx).map((r) => ({
          ...r,
          body: { auth: Buffer.from(ctx.credentials.api_key).toString('hex'), events: [] },
        })),
    }),
  },
  {
    why: 'returns one outcome fewer than the events of its request',
    check: 'respects batch limits and gives one outcome per event, in order',
    adapter: kitAdapter({
      parseResponse: (_r, events) => events.slice(1).map((): Outcome => ({ status: 'delivered' })),
    }),
  },
  {
    why: 'drops the last event of each batch from its request',
    check: 'respects batch limits and gives one outcome per event, in order',
    adapter: kitAdapter({
      buildRequests: (events, ctx) =>
        builtByGood(events, ctx).map((r) => ({ ...r, eventIndexes: r.eventIndexes.slice(0, -1) })),
    }),
  },
  {
    why: 'has an error-table row its parseResponse never applies',
    check: 'gives every row of its error table the row outcome',
    adapter: kitAdapter({ parseResponse: (response) => outcomeFromStatus(response, 'Kit Example') }),
  },
  {
    why: 'has an error-table row whose example does not match the row',
    check: 'gives every row of its error table the row outcome',
    adapter: kitAdapter({
      errors: {
        ...kitErrors,
        rows: [
          {
            ...kitErrors.rows[0]!,
            example: { status: 400, body: { error: { code: 'OTHER', message: 'x' } } },
          },
        ],
      },
    }),
  },
  {
    why: 'stamps each body with the wall clock (not pure)',
    check: 'builds the same requests for the same input (pure, fixed clock)',
    adapter: kitAdapter({
      buildRequests: (events, ctx) =>
        builtByGood(events, ctx).map((r) => ({
          ...r,
          body: { ...(r.body as object), sent: process.hrtime.bigint().toString() },
        })),
    }),
  },
  {
    why: 'rejects a 429 for good instead of retrying it',
    check: 'retries 429 and 5xx (Retry-After kept) and socket errors',
    adapter: kitAdapter({
      parseResponse: (response): Outcome =>
        response.status === 429
          ? { status: 'rejected', code: 'http_429', reason: 'Kit Example said 429' }
          : outcomeFromErrorTable(kitErrors, response, 'Kit Example'),
    }),
  },
  {
    why: 'treats a 401 as delivered',
    check: 'gives an auth outcome for 401 and 403',
    adapter: kitAdapter({
      parseResponse: (response): Outcome =>
        response.status === 401
          ? { status: 'delivered' }
          : outcomeFromErrorTable(kitErrors, response, 'Kit Example'),
    }),
  },
  {
    why: 'builds a body over its own byte limit for one event',
    check: 'keeps each request of a full batch under the byte limit',
    adapter: kitAdapter({ batch: { maxEvents: 5, maxBytes: 40 } }),
  },
  {
    why: 'declares an http:// docs URL and no purchase mapping',
    check: 'declares complete metadata',
    adapter: kitAdapter({
      docsUrl: 'http://example.com/docs',
      events: { standard: { lead: 'Lead' }, custom: 'skip' },
    }),
  },
  {
    why: 'validates credentials with a message that does not name the missing field',
    check: 'names each missing required credential field',
    adapter: kitAdapter({
      credentials: z.custom<Creds>(
        (v) => typeof v === 'object' && v !== null && 'api_key' in v && 'account_id' in v,
        'credentials are incomplete',
      ),
    }),
  },
  {
    why: 'rejects purchases it should send',
    check: 'maps every canonical event or skips it with a reason',
    adapter: kitAdapter({
      check: () => ({ status: 'rejected', code: 'nope', reason: 'Kit Example refuses everything' }),
    }),
  },
];
