import { describe, expect, it } from 'vitest';
import { withoutUndefined } from './without-undefined';

describe('withoutUndefined', () => {
  it('drops undefined values and keeps null, 0, false and empty strings', () => {
    expect(withoutUndefined({ a: 1, b: undefined, c: null, d: 0, e: '', f: false })).toEqual({
      a: 1,
      c: null,
      d: 0,
      e: '',
      f: false,
    });
    expect(Object.keys(withoutUndefined({ b: undefined }))).toEqual([]);
  });
});
