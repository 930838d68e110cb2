import { describe, expect, it } from 'vitest';
import { normalizeEmailForGoogle } from './identity';

// Rules from developers.google.com/data-manager/api/devguides/concepts/formatting (email_address).
describe('normalizeEmailForGoogle', () => {
  it('drops dots and the +tag of gmail.com / googlemail.com local parts', () => {
    expect(normalizeEmailForGoogle('cloudy.sanfrancisco+shopping@gmail.com')).toBe(
      'cloudysanfrancisco@gmail.com',
    );
    expect(normalizeEmailForGoogle(' Jo.Hn+News@GoogleMail.com ')).toBe('john@googlemail.com');
  });

  it('keeps dots and plus signs of other domains, lower-cased and trimmed', () => {
    expect(normalizeEmailForGoogle('user.name+NYC@Example.com')).toBe('user.name+nyc@example.com');
    expect(normalizeEmailForGoogle(' John.Doe@Example.COM ')).toBe('john.doe@example.com');
  });

  it('removes leading, trailing and intermediate whitespace', () => {
    expect(normalizeEmailForGoogle(' john. doe @Example.com\t')).toBe('john.doe@example.com');
    expect(normalizeEmailForGoogle('cloudy. san francisco@gmail.com')).toBe('cloudysanfrancisco@gmail.com');
  });

  it('gives undefined for values that are not emails', () => {
    expect(normalizeEmailForGoogle('not-an-email')).toBeUndefined();
    expect(normalizeEmailForGoogle(undefined)).toBeUndefined();
  });
});
