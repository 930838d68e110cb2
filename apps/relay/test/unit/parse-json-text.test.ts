import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigIdsAsStrings, parseJsonText } from '../../src/http/validate';

/** A JSON value whose objects may hold `…id` keys with integers beyond 2^53, written as numbers. */
const bigId = fc.bigInt({ min: 2n ** 53n, max: 10n ** 30n }).map((n) => ({ big: n }));
const leaf = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.constantFrom('x": 12345678901234567891, "y', ':99999999999999999999', '"order_id":1'),
  fc.boolean(),
  fc.constant(null),
  bigId,
);
const key = fc.oneof(fc.string(), fc.constantFrom('order_id', 'event_id', 'id', 'ID', 'paid', 'user_id '));
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** JSON text where `{ big: n }` is written as the bare integer n (as an OMS might write an id). */
const toText = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && 'big' in x ? `@@${x.big}@@` : x)).replace(
    /"@@(\d+)@@"/g,
    '$1',
  );

describe('parseJsonText', () => {
  it('keeps an unsafe integer under an id key as its digits, and leaves other numbers alone', () => {
    expect(
      parseJsonText(
        '{"order_id": 12345678901234567891, "event_id":-98765432109876543210, "n": 12345678901234567891}',
      ),
    ).toEqual({
      order_id: '12345678901234567891',
      event_id: '-98765432109876543210',
      n: 12345678901234567000,
    });
    expect(parseJsonText('{"order_id": 2025020100003333, "note": "a: 12345678901234567891"}')).toEqual({
      order_id: 2025020100003333,
      note: 'a: 12345678901234567891',
    });
  });

  it('answers exactly what rewriting every body first answers (the rewrite is skipped only when it changes nothing)', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = toText(v);
        expect(parseJsonText(text)).toEqual(JSON.parse(bigIdsAsStrings(text)));
      }),
      { numRuns: 2000 },
    );
  });
});
