import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NESTING_IN_RECORD, storableJsonProblem } from '../../src/ingest/storable-json';
import { type TestApp, createTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.call('POST', '/admin/v1/storefronts', { storefront_id: 'bosley', name: 'Bosley' });
  await t.call('POST', '/admin/v1/storefronts', {
    storefront_id: 'closed',
    name: 'Closed',
    is_active: false,
  });
});
afterAll(() => t.close());

const post = (body: unknown) => t.call('POST', '/v1/events', body);
const rowCount = () => t.database.db.event.count();
const record = (order_id: string, extra: Record<string, unknown> = {}) => ({
  storefront_id: 'bosley',
  event_name: 'purchase_completed',
  event_time: '2026-01-15T10:25:00Z',
  order_id,
  ...extra,
});
/** `{ v: [[…[1]…]] }` with `levels` containers inside the record. */
const nested = (levels: number) => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return { v: value };
};

describe('a record the database could not store as JSON gets a 422 naming the field', () => {
  it('a lone UTF-16 surrogate in a value: 422 for the batch, nothing stored (the rest is not half-accepted)', async () => {
    const before = await rowCount();
    // Written as the OMS sends it: the JSON escape of half an emoji.
    const body = `{"data":[${JSON.stringify(record('S-1'))},{"storefront_id":"bosley","event_name":"lead","event_time":"2026-01-15T10:25:00Z","order_id":"S-2","note":"caf\\ud83d"}],"error":""}`;
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      detail: [
        {
          loc: ['body', 'data', 1, 'note'],
          msg: 'String contains a lone UTF-16 surrogate (a truncated character, e.g. half an emoji); it cannot be stored as JSON',
          type: 'value_error',
        },
      ],
    });
    expect(await rowCount()).toBe(before);
  });

  it('sent alone it is a 422 too (it used to be a 500 on every retry); in a key it is named as the key', async () => {
    const alone = await post(
      `{"data":[{"storefront_id":"bosley","event_name":"lead","event_time":"2026-01-15T10:25:00Z","order_id":"S-3","utm_content":"\\udc00x"}],"error":""}`,
    );
    expect(alone.status).toBe(422);
    expect((await alone.json()).detail[0].loc).toEqual(['body', 'data', 0, 'utm_content']);
    const key = await post(
      `{"data":[{"storefront_id":"bosley","event_name":"lead","event_time":"2026-01-15T10:25:00Z","order_id":"S-4","items":[{"n\\ud800":1}]}],"error":""}`,
    );
    expect(key.status).toBe(422);
    expect((await key.json()).detail[0]).toMatchObject({
      loc: ['body', 'data', 0, 'items', 0, 'n\ud800'],
      msg: /^Key contains a lone/,
    });
  });

  it(`nesting ${MAX_NESTING_IN_RECORD + 1} levels is a 422 naming the path; ${MAX_NESTING_IN_RECORD} levels and whole emoji are stored intact`, async () => {
    const deep = await post({ data: [record('D-31', nested(MAX_NESTING_IN_RECORD + 1))], error: '' });
    expect(deep.status).toBe(422);
    const [problem] = (await deep.json()).detail;
    expect(problem.loc).toEqual(['body', 'data', 0, 'v', ...Array(MAX_NESTING_IN_RECORD).fill(0)]);
    expect(problem.msg).toBe(
      `Nested more than ${MAX_NESTING_IN_RECORD} levels deep inside the record; it cannot be stored as JSON`,
    );

    const fine = record('D-30', { ...nested(MAX_NESTING_IN_RECORD), note: 'café 😀' });
    const ok = await post({ data: [fine], error: '' });
    expect(ok.status).toBe(202);
    const { ids } = await ok.json();
    const row = await t.database.db.event.findUniqueOrThrow({ where: { id: BigInt(ids[0]) } });
    expect(row.payload).toEqual(fine);
  });

  it('the check itself: well-formed pairs pass, lone halves and depth fail with their path', () => {
    expect(storableJsonProblem({ a: '😀', b: ['x', { c: 'é' }] })).toBeUndefined();
    expect(storableJsonProblem({ a: ['ok', '\ud83d'] })?.path).toEqual(['a', 1]);
    expect(storableJsonProblem({ a: '\ude00\ud83d' })?.path).toEqual(['a']);
    expect(storableJsonProblem(nested(MAX_NESTING_IN_RECORD))).toBeUndefined();
    expect(storableJsonProblem(nested(MAX_NESTING_IN_RECORD + 1))?.path).toHaveLength(
      MAX_NESTING_IN_RECORD + 1,
    );
  });

  it('finds a problem exactly when one exists, and its path leads to a lone surrogate or a container too deep', () => {
    const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    /** The rule, written plainly (recursive): any lone surrogate in a string or key, or nesting too deep. */
    const broken = (value: unknown, depth: number): boolean => {
      if (typeof value === 'string') return LONE.test(value);
      if (value === null || typeof value !== 'object') return false;
      if (depth > MAX_NESTING_IN_RECORD) return true;
      return Object.entries(value).some(
        ([key, child]) => (!Array.isArray(value) && LONE.test(key)) || broken(child, depth + 1),
      );
    };
    const text = fc.string({ unit: fc.constantFrom('a', '😀', '\ud83d', '\ude00', 'é') });
    const value = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', maxDepth: MAX_NESTING_IN_RECORD + 3 },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 2 }),
        fc.dictionary(text, tie('value'), { maxKeys: 2 }),
      ),
    })).value;
    const record = fc.oneof(
      fc.dictionary(text, value, { maxKeys: 3 }),
      fc.nat(MAX_NESTING_IN_RECORD + 2).map((levels) => nested(levels)),
    );
    fc.assert(
      fc.property(record, (r) => {
        const problem = storableJsonProblem(r);
        expect(problem !== undefined).toBe(broken(r, 0));
        if (!problem) return;
        let at: unknown = r;
        for (const step of problem.path) at = (at as Record<string | number, unknown>)[step];
        const key = problem.path.at(-1);
        expect(
          (typeof at === 'string' && LONE.test(at)) ||
            (typeof key === 'string' && LONE.test(key)) ||
            problem.path.length > MAX_NESTING_IN_RECORD,
        ).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('INSERT IGNORE hides nothing but a duplicate key', () => {
  it('for any mix of new, repeated, stored, unknown and disabled records, the rows inserted are exactly what the answer accepts', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let batch = 0; batch < 8; batch++) {
      const data = Array.from({ length: 1 + Math.floor(random() * 40) }, () => {
        const roll = random();
        const storefront_id = roll < 0.1 ? 'nowhere' : roll < 0.2 ? 'closed' : 'bosley';
        // A small key space, so batches repeat keys within themselves and across batches.
        return { ...record(`P-${Math.floor(random() * 60)}`, { order_revenue: random() }), storefront_id };
      });
      const before = await t.database.db.event.findMany({ select: { id: true } });
      const res = await post({ data, error: '' });
      expect(res.status).toBe(202);
      const body = await res.json();
      const known = new Set(before.map((e) => e.id));
      const inserted = (await t.database.db.event.findMany({ orderBy: { id: 'asc' } })).filter(
        (e) => !known.has(e.id),
      );
      expect(body.accepted + body.rejected).toBe(data.length);
      expect(body.accepted).toBe(inserted.length);
      expect(body.ids).toEqual(inserted.map((e) => Number(e.id)));
      expect(body.event_ids).toEqual(inserted.map((e) => e.orderId));
      expect(body.errors.map((e: { index: number }) => e.index).length).toBe(body.rejected);
    }
  });
});
