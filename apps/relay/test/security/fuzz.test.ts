import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../support/app';

/**
 * Property tests over the ingestion and admin endpoints with hostile bodies: never a 5xx, a 4xx
 * always names the field (422) or the limit (413), nothing half-written. FUZZ_RUNS sets the
 * runs per property (CI: 100 → a few hundred requests; `pnpm --filter @relay/host fuzz`: 2,500
 * per property → over 10,000 requests).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const statuses = new Map<number, number>();
let requests = 0;

let t: TestApp;
let platformIds: number[] = [];
let storefrontId = 0;
beforeAll(async () => {
  t = await createTestApp({ MAX_BODY_BYTES: '262144', ADMIN_MAX_BODY_BYTES: '131072' });
  const res = await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'shop', name: 'Shop' });
  storefrontId = (await res.json()).id;
  platformIds = (await t.database.db.platform.findMany({ select: { id: true }, take: 5 })).map((p) => p.id);
});
afterAll(async () => {
  process.stdout.write(
    `fuzz: ${requests} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`,
  );
  await t.close();
});

/** Odd text: full Unicode including lone surrogates, control characters, long runs. */
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\udfff',
    '😀',
    'é'.repeat(40_000),
    'a'.repeat(70_000),
    '1e309',
    'NaN',
  ),
);
const nested = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
  return v;
};
/** Any value a field could hold: wrong types, numbers as strings, huge numbers, deep nesting. */
const anyValue = fc.oneof(
  oddText,
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map((n) => n.toString()),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 20, max: 200 }).map((d) => nested(d, 'x')),
);
const isoTime = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Mostly `valid`, sometimes anything. */
const usually = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: anyValue });
/** A record near the OMS shape, with fields sometimes retyped and keys added. */
const record = fc
  .record({
    storefront_id: usually(fc.constantFrom('shop', 'SHOP ', 'missing')),
    event_name: usually(fc.constantFrom('purchase_completed', 'consult_started')),
    event_time: usually(isoTime),
    order_id: usually(
      fc.oneof(fc.uuid(), fc.integer(), fc.bigInt({ min: 2n ** 53n, max: 2n ** 80n }).map(Number)),
    ),
    order_revenue: usually(fc.oneof(fc.double({ noNaN: true }), fc.string())),
  })
  .chain((r) => fc.dictionary(oddText, anyValue, { maxKeys: 3 }).map((extra) => ({ ...extra, ...r })));

/** A body as text: a batch, a batch-ish value, or malformed JSON. */
const ingestBody = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(record, { maxLength: 5 })
      .map((data) => JSON.stringify({ count: data.length, error: '', data })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(record, { minLength: 501, maxLength: 503 })
      .map((data) => JSON.stringify({ data, error: '' })),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.record({ data: anyValue, error: anyValue, count: anyValue }).map((v) => JSON.stringify(v)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{', '{"data": [', '[]', 'null', '{"data":[{"order_id": 1e400}]}', '\ufeff{}'),
  },
);

async function expectWellFormedAnswer(res: Response): Promise<unknown> {
  requests += 1;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const body = res.status === 204 ? null : ((await res.json()) as Record<string, unknown>);
  expect(res.status, JSON.stringify(body)?.slice(0, 500)).toBeLessThan(500);
  if (res.status === 422) {
    const detail = (body as { detail: Array<{ loc: unknown[]; msg: string }> }).detail;
    expect(detail.length).toBeGreaterThan(0);
    for (const d of detail) {
      expect(d.loc[0]).toBe('body');
      expect(typeof d.msg).toBe('string');
    }
  }
  if (res.status === 413) expect(body).toMatchObject({ error_code: 'PAYLOAD_TOO_LARGE' });
  return body;
}

describe('fuzzing (never a 5xx, a 4xx names the field, nothing half-written)', () => {
  it(
    'POST /v1/events',
    async () => {
      await fc.assert(
        fc.asyncProperty(ingestBody, async (text) => {
          const before = await t.database.db.event.count();
          const res = await t.call('POST', '/v1/events', text);
          const body = (await expectWellFormedAnswer(res)) as { accepted?: number; rejected?: number };
          const stored = (await t.database.db.event.count()) - before;
          if (res.status === 202) {
            expect(stored).toBe(body.accepted);
          } else {
            expect(stored).toBe(0);
          }
        }),
        { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) },
      );
    },
    RUNS * 1000 + 60_000,
  );

  const adminCases = () =>
    fc.oneof(
      fc.record({
        path: fc.constant('/admin/v1/storefronts'),
        table: fc.constant('storefront' as const),
        body: fc.record(
          {
            storefront_id: usually(fc.stringMatching(/^[a-z0-9_-]{1,70}$/)),
            name: usually(oddText),
            domain: anyValue,
            description: usually(oddText),
            is_active: usually(fc.boolean()),
          },
          { requiredKeys: ['storefront_id', 'name'] },
        ),
      }),
      fc.record({
        path: fc.constant('/admin/v1/platforms'),
        table: fc.constant('platform' as const),
        body: fc.record(
          {
            platform_code: usually(fc.stringMatching(/^[a-z0-9_]{1,70}$/)),
            name: usually(oddText),
            tier: usually(fc.integer({ min: 1, max: 3 })),
            api_base_url: usually(fc.webUrl()),
            credential_schema: anyValue,
            description: usually(oddText),
            category: anyValue,
            auth_type: anyValue,
          },
          { requiredKeys: ['platform_code', 'name'] },
        ),
      }),
      fc.record({
        path: fc.constant('/admin/v1/credentials'),
        table: fc.constant('credential' as const),
        body: fc.record(
          {
            storefront_id: usually(fc.constant(storefrontId)),
            platform_id: usually(fc.constantFrom(...platformIds)),
            credentials: usually(fc.dictionary(oddText, oddText, { maxKeys: 4 })),
            base_url: usually(fc.webUrl()),
            options: anyValue,
            pixel_id: anyValue,
          },
          { requiredKeys: ['storefront_id', 'platform_id', 'credentials'] },
        ),
      }),
      fc.record({
        path: fc.constant('/admin/v1/sgtm-configs'),
        table: fc.constant('sgtmConfig' as const),
        body: fc.record(
          {
            storefront_id: usually(fc.constant(storefrontId)),
            sgtm_url: usually(fc.webUrl()),
            client_type: usually(fc.constantFrom('ga4', 'custom')),
            measurement_id: usually(fc.stringMatching(/^G-[A-Z0-9]{1,10}$/)),
            api_secret: usually(oddText),
            custom_headers: usually(fc.dictionary(oddText, oddText, { maxKeys: 3 })),
          },
          { requiredKeys: ['storefront_id', 'sgtm_url'] },
        ),
      }),
      fc.record({
        path: fc.constant('/admin/v1/deliveries/replay'),
        table: fc.constant('delivery' as const),
        body: fc.record(
          {
            platform_code: usually(fc.constantFrom('ga4', 'meta_capi')),
            storefront_id: usually(fc.constant(storefrontId)),
            from: usually(isoTime),
            to: anyValue,
            statuses: fc.oneof(
              fc.constant([]),
              fc.array(fc.constantFrom('failed', 'skipped', 'nope'), { maxLength: 3 }),
              anyValue,
            ),
          },
          { requiredKeys: [] },
        ),
      }),
      fc.record({
        path: fc.constant('/admin/v1/storefronts'),
        table: fc.constant('storefront' as const),
        body: fc.string({ unit: 'binary', maxLength: 100 }),
      }),
    );

  it(
    'POST /admin/v1/{storefronts,platforms,credentials,sgtm-configs,deliveries/replay}',
    async () => {
      await fc.assert(
        fc.asyncProperty(adminCases(), async ({ path, table, body }) => {
          const count = () => (t.database.db[table] as unknown as { count(): Promise<number> }).count();
          const before = await count();
          const res = await t.call('POST', path, body);
          await expectWellFormedAnswer(res);
          const after = await count();
          expect(after - before).toBe(res.status === 201 ? 1 : 0);
        }),
        { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) },
      );
    },
    RUNS * 1000 + 60_000,
  );
});
