import { describe, expect, it } from 'vitest';
import { objectOf } from './json-object';

describe('objectOf', () => {
  it('keeps plain objects and turns everything else into {}', () => {
    const body = { error: { code: 4 } };
    expect(objectOf(body)).toBe(body);
    for (const value of [null, undefined, 'x', 4, [1], true]) expect(objectOf(value)).toEqual({});
  });
});
