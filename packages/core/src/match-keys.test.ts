import { describe, expect, it } from 'vitest';
import { sha256Hex } from './identity';
import { hashedMatchKeys } from './match-keys';

describe('hashedMatchKeys', () => {
  it('normalises and hashes every key as a one-element array', () => {
    expect(
      hashedMatchKeys({
        email: ' John.Doe@Example.COM ',
        phone: '(555) 123-4567',
        firstName: ' John ',
        lastName: 'Doe',
        city: 'New York',
        state: 'NY',
        zip: '10001-1234',
        country: 'US',
        externalId: 'cust_42',
      }),
    ).toEqual({
      em: [sha256Hex('john.doe@example.com')],
      ph: [sha256Hex('15551234567')],
      fn: [sha256Hex('john')],
      ln: [sha256Hex('doe')],
      ct: [sha256Hex('newyork')],
      st: [sha256Hex('ny')],
      zp: [sha256Hex('10001')],
      country: [sha256Hex('us')],
      external_id: [sha256Hex('cust_42')],
    });
  });

  it('passes already-hashed values through and leaves absent keys out', () => {
    const hashed = 'A'.repeat(64);
    expect(hashedMatchKeys({ email: hashed, ip: '203.0.113.7' })).toEqual({ em: ['a'.repeat(64)] });
  });

  it("uses the user's own country for phones without a country code, else the default", () => {
    expect(hashedMatchKeys({ phone: '020 7946 0018', country: 'gb' }).ph).toEqual([
      sha256Hex('442079460018'),
    ]);
    expect(hashedMatchKeys({ phone: '030 123456' }, 'DE').ph).toEqual([sha256Hex('4930123456')]);
  });
});
