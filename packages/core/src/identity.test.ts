import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashEmail,
  hashPhoneDigits,
  hashPhoneE164,
  hashZip,
  isSha256Hex,
  normalizeCity,
  normalizeCountry,
  normalizeEmail,
  normalizeEmailForGoogle,
  normalizeName,
  normalizePhoneDigits,
  normalizePhoneE164,
  normalizeZip,
  sha256Hex,
} from './identity';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('hashing', () => {
  it("hashes ' John.Doe@Example.COM ' as SHA-256 of john.doe@example.com", () => {
    expect(hashEmail(' John.Doe@Example.COM ')).toBe(sha('john.doe@example.com'));
    expect(hashEmail(' John.Doe@Example.COM ')).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
  });

  it('passes an already-hashed value through unchanged (lower-cased), never hashing twice', () => {
    const digest = sha('john.doe@example.com');
    expect(hashEmail(digest)).toBe(digest);
    expect(hashEmail(digest.toUpperCase())).toBe(digest);
    expect(hashPhoneE164(digest)).toBe(digest);
    expect(isSha256Hex(digest)).toBe(true);
    expect(isSha256Hex(`${digest}0`)).toBe(false);
  });

  it('gives undefined for empty or unusable values', () => {
    expect(hashEmail('')).toBeUndefined();
    expect(hashEmail('   ')).toBeUndefined();
    expect(hashEmail('not-an-email')).toBeUndefined();
    expect(hashPhoneE164('abc')).toBeUndefined();
    expect(hashEmail(undefined)).toBeUndefined();
  });

  it('hashes phones in the platform form asked for', () => {
    expect(hashPhoneE164('(555) 123-4567')).toBe(sha('+15551234567'));
    expect(hashPhoneDigits('(555) 123-4567')).toBe(sha('15551234567'));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('normalisation', () => {
  it('emails: trimmed and lower-cased; Google also drops gmail dots and +tags', () => {
    expect(normalizeEmail('  A.B@X.COM ')).toBe('a.b@x.com');
    expect(normalizeEmailForGoogle('John.Doe+shop@GMail.com')).toBe('johndoe@gmail.com');
    expect(normalizeEmailForGoogle('john.doe@example.com')).toBe('john.doe@example.com');
  });

  it('phones: E.164 with a default country; 00 prefix and + kept; digits-only form', () => {
    expect(normalizePhoneE164('(555) 123-4567')).toBe('+15551234567');
    expect(normalizePhoneE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhoneE164('030 1234567', 'DE')).toBe('+49301234567');
    expect(normalizePhoneE164('0044 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhoneE164('+1 555 123 4567', 'DE')).toBe('+15551234567');
    expect(normalizePhoneDigits('+44 20 7946 0958')).toBe('442079460958');
    expect(normalizePhoneE164('12')).toBeUndefined();
  });

  it('names, cities, zips and countries', () => {
    expect(normalizeName(' Mary-Ann ')).toBe('maryann');
    expect(normalizeName("O'Brien")).toBe('obrien');
    expect(normalizeCity('New York')).toBe('newyork');
    expect(normalizeZip('10001-1234')).toBe('10001');
    expect(normalizeZip('SW1A 1AA', 'gb')).toBe('sw1a1aa');
    expect(hashZip('10001-1234')).toBe(sha('10001'));
    expect(normalizeCountry(' US ')).toBe('us');
    expect(normalizeCountry('USA')).toBeUndefined();
  });
});
