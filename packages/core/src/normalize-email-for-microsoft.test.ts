import { describe, expect, it } from 'vitest';
import { sha256Hex } from './identity';
import { hashEmailForMicrosoft, normalizeEmailForMicrosoft } from './normalize-email-for-microsoft';

// Rules from Microsoft Advertising's Conversions API guide ("To hash an email address").
describe('normalizeEmailForMicrosoft', () => {
  it('trims, lower-cases, drops the dots and the +alias of the local part for every domain', () => {
    expect(normalizeEmailForMicrosoft(' John.Doe@Example.COM ')).toBe('johndoe@example.com');
    expect(normalizeEmailForMicrosoft('first.last+promo@contoso.com')).toBe('firstlast@contoso.com');
    expect(normalizeEmailForMicrosoft('a.b@sub.domain.co.uk')).toBe('ab@sub.domain.co.uk');
  });

  it('gives undefined for values that are not emails or have nothing before the alias', () => {
    expect(normalizeEmailForMicrosoft('not-an-email')).toBeUndefined();
    expect(normalizeEmailForMicrosoft('+tag@example.com')).toBeUndefined();
    expect(normalizeEmailForMicrosoft(null)).toBeUndefined();
  });
});

describe('hashEmailForMicrosoft', () => {
  it("matches Microsoft's documented example (john@contoso.com)", () => {
    expect(hashEmailForMicrosoft('John@Contoso.com')).toBe(
      'ec81f3ac7b2b19675bab9d54cf416f9f18cff87c97da5cca82c0f0891bc40602',
    );
  });

  it('hashes the normalised form and passes an existing hash through', () => {
    expect(hashEmailForMicrosoft(' John.Doe@Example.COM ')).toBe(sha256Hex('johndoe@example.com'));
    expect(hashEmailForMicrosoft('A'.repeat(64))).toBe('a'.repeat(64));
  });
});
