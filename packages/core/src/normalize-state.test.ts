import { describe, expect, it } from 'vitest';
import { hashState, normalizeState, sha256Hex } from './identity';
import { hashedMatchKeys } from './match-keys';

// Meta customer-information-parameters, `st`: "Use the 2-character ANSI abbreviation code in
// lowercase. Normalize states outside the US with no punctuation, no special characters, and
// no white space." Snap and Pinterest share the rule through hashedMatchKeys.
describe('normalizeState', () => {
  it('gives the two-letter code of a US state, whether it came as the code or the full name', () => {
    expect(normalizeState('California')).toBe('ca');
    expect(normalizeState(' CA ')).toBe('ca');
    expect(normalizeState('new york')).toBe('ny');
    expect(normalizeState('District of Columbia')).toBe('dc');
    expect(normalizeState('Puerto Rico')).toBe('pr');
  });

  it('gives the two-letter code of a Canadian province, accents and French names included', () => {
    expect(normalizeState('Québec')).toBe('qc');
    expect(normalizeState('British Columbia')).toBe('bc');
    expect(normalizeState('Nouvelle-Écosse')).toBe('ns');
    expect(normalizeState('ON')).toBe('on');
  });

  it('keeps other regions as lower-case letters without spaces or punctuation', () => {
    expect(normalizeState('Île-de-France')).toBe('îledefrance');
    expect(normalizeState('Bavaria')).toBe('bavaria');
    expect(normalizeState('  ')).toBeUndefined();
  });

  it('hashes "California" and "CA" the same, in the st match key too', () => {
    expect(hashState('California')).toBe(sha256Hex('ca'));
    expect(hashState('CA')).toBe(sha256Hex('ca'));
    expect(hashedMatchKeys({ state: 'Texas' }).st).toEqual([sha256Hex('tx')]);
  });
});
